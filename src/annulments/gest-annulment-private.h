/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-annulment.h"
#include "gest-record-change.h"

G_BEGIN_DECLS

/* The parts of a gest_record_change_run() spec every change of an annulment shares. */
#define GEST_ANNULMENT_CHANGE \
  .name = "gest_annulment_change", \
  .table = "annulments", \
  .load = gest_annulment_change_load, \
  .free_record = (GDestroyNotify) gest_annulment_free, \
  .log_kind = GEST_ACTIVITY_STATUS, \
  .conflict_message = N_("The annulment changed while it was being updated. Open it again and retry.")

gpointer gest_annulment_change_load (GestStore   *store,
                                     const char  *uuid,
                                     gint64      *out_version,
                                     gpointer     user_data,
                                     GError     **error);

/* The request's data checked and normalised (CFDI folios in upper case, blanks trimmed). */
typedef struct
{
  char      *city;
  char      *invoice_number;
  char      *cfdi_uuid;             /* '' when not given */
  char      *cancel_reason;
  char      *substitute_cfdi_uuid;  /* NULL when not given */
} GestAnnulmentClean;

gboolean gest_annulment_request_clean (const GestAnnulmentRequest *request,
                                       GestAnnulmentClean         *out,
                                       GError                    **error);
void     gest_annulment_clean_clear   (GestAnnulmentClean         *clean);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestAnnulmentClean, gest_annulment_clean_clear)

G_END_DECLS
