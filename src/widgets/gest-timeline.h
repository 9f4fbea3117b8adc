/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "gest-activity.h"
#include "gest-context.h"

G_BEGIN_DECLS

/* X5: the activity timeline of any record (a payoff, a case, an account...): its log entries,
 * newest first, 50 at a time with Newer and Older (the list is as tall as its entries and has
 * no scroller of its own: the page around it scrolls, and a log of thousands of entries still
 * builds 50 rows); whether the record's log chain verifies ("Log verified", or the message
 * naming the broken entry); and a composer that appends a note, or a call with the name and
 * role of the person spoken to, its refusals shown under it (gest-field-error.h). The log is
 * read and verified on a worker thread with its own store connection; a reload cancels the
 * one in flight. */
#define GEST_TYPE_TIMELINE (gest_timeline_get_type ())
G_DECLARE_FINAL_TYPE (GestTimeline, gest_timeline, GEST, TIMELINE, GtkWidget)

GtkWidget  *gest_timeline_new                      (GestContext  *context,
                                                    const char   *record_uuid);
const char *gest_timeline_get_record_uuid          (GestTimeline *self);
void        gest_timeline_set_record_uuid          (GestTimeline *self,
                                                    const char   *record_uuid);
/* Reads the log again (after the record changed elsewhere). */
void        gest_timeline_reload                   (GestTimeline *self);
/* GestActivityItems, newest first. Empty until the first load ends. */
GListModel *gest_timeline_get_model                (GestTimeline *self);
/* TRUE while the log is being read. */
gboolean    gest_timeline_get_loading              (GestTimeline *self);
/* TRUE when the last load verified the chain. */
gboolean    gest_timeline_get_verified             (GestTimeline *self);
/* "Log verified", or the verification (or read) error; NULL before the first load. */
const char *gest_timeline_get_verification_message (GestTimeline *self);

/* Whether the composer shows (TRUE by default). A module whose log entries must go through its
 * own model (which keeps more than the entry) hides it and offers its own form. */
void        gest_timeline_set_composer_visible     (GestTimeline *self,
                                                    gboolean      visible);

/* The composer's check, without a display: the text must not be blank, and a call needs the
 * name of the person spoken to. GEST_ERROR_INVALID with the message shown under the composer. */
gboolean    gest_timeline_check_entry              (GestActivityKind  kind,
                                                    const char       *text,
                                                    const char       *contact_name,
                                                    GError          **error);

G_END_DECLS
