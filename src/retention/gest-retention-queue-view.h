/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "gest-context.h"

G_BEGIN_DECLS

/* "Hoy": the day's queue (gest_contact_queue_today(), run in a thread with its own read-only
 * connection): one row per record to call with its reason, customer, vehicle, attempt n/5, the
 * time band to call in and a badge for open field actions (S8). A row opens its call panel
 * (gest-contact-call-panel.h) in place of the list; a logged call reloads the queue and goes
 * back. "can-go-back" is TRUE while a call panel shows; "title" names its customer. */
#define GEST_TYPE_RETENTION_QUEUE_VIEW (gest_retention_queue_view_get_type ())
G_DECLARE_FINAL_TYPE (GestRetentionQueueView, gest_retention_queue_view, GEST, RETENTION_QUEUE_VIEW, GtkWidget)

GtkWidget  *gest_retention_queue_view_new        (GestContext            *context);
/* Reloads the queue in a thread; "loaded" is emitted when it shows. */
void        gest_retention_queue_view_reload     (GestRetentionQueueView *self);
/* The moment the queue and its calls are taken at; 0 (the default): the clock's. */
void        gest_retention_queue_view_set_now    (GestRetentionQueueView *self,
                                                  gint64                  now);
guint       gest_retention_queue_view_get_n_items (GestRetentionQueueView *self);
/* Opens the call panel of the @position'th row. */
void        gest_retention_queue_view_open        (GestRetentionQueueView *self,
                                                   guint                   position);
/* The call panel showing, or NULL. */
GtkWidget  *gest_retention_queue_view_get_panel   (GestRetentionQueueView *self);
/* Back from a call panel to the list. */
void        gest_retention_queue_view_show_list   (GestRetentionQueueView *self);
gboolean    gest_retention_queue_view_get_can_go_back (GestRetentionQueueView *self);
const char *gest_retention_queue_view_get_title   (GestRetentionQueueView *self);

G_END_DECLS
