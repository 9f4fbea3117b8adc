/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-complaint.h"
#include "gest-complaint-workflow.h"
#include "gest-record-change.h"

G_BEGIN_DECLS

/* Shared by the files of the case's model (gest-complaint.c, -intake.c, -actions.c,
 * -closure.c, -tasks.c, -catalog.c). */

/* A spec's @set names every numbered parameter (?1, ?2…) before its first :now: SQLite gives
 * :now the next index after the highest one seen so far, so a ?N after it may share its slot.
 *
 * The parts every change of a case shares: gest_record_change_run() over the complaints
 * table, reloading with gest_complaint_load(). */
#define GEST_COMPLAINT_CHANGE \
  .name = "gest_complaint_change", \
  .table = "complaints", \
  .load = gest_complaint_change_load, \
  .free_record = (GDestroyNotify) gest_complaint_free, \
  .log_kind = GEST_ACTIVITY_STATUS, \
  .conflict_message = N_("The case changed while it was being updated. Open it again and retry.")

gpointer  gest_complaint_change_load   (GestStore            *store,
                                        const char           *uuid,
                                        gint64               *out_version,
                                        gpointer              user_data,
                                        GError              **error);

/* Runs gest_record_change_run (@spec) and then the SLA clock's update, in one transaction
 * (a savepoint inside the caller's). */
gboolean  gest_complaint_change_run    (GestStore                  *store,
                                        const GestRecordChangeSpec *spec,
                                        const char                 *uuid,
                                        gpointer                    user_data,
                                        GError                    **error);

/* The rules' view of a stored case. */
void      gest_complaint_get_facts     (const GestComplaint  *complaint,
                                        GestComplaintFacts   *out);

/* A blank-stripped copy ("" for NULL). */
char     *gest_complaint_strip         (const char           *text);
/* "<text> Reason: <reason>"; consumes @text. */
char     *gest_complaint_with_reason   (char                 *text,
                                        const char           *reason);
/* The day (YYYY-MM-DD) of @now in the dealer's time zone. */
char     *gest_complaint_day_of        (gint64                now);

/* Whether @user_uuid is an active user; refused with a message naming @what otherwise. */
gboolean  gest_complaint_check_active_user (GestStore        *store,
                                            const char       *user_uuid,
                                            const char       *what,
                                            char            **out_name,
                                            GError          **error);
/* Whether @uuid is an active catalog entry of @kind; its label in @out_label. */
gboolean  gest_complaint_catalog_check_active (GestStore     *store,
                                               const char    *kind,
                                               const char    *uuid,
                                               char         **out_label,
                                               GError       **error);

G_END_DECLS
