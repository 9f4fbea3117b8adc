/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-annulment-saves"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-saves.h"
#include "gest-error.h"

gboolean
gest_annulment_advance (GestStore           *store,
                        const char          *uuid,
                        GestAnnulmentStage   to_stage,
                        GError             **error)
{
  switch (to_stage)
    {
    case GEST_ANNULMENT_SENT:
      return gest_annulment_send (store, uuid, error);
    case GEST_ANNULMENT_APPROVED:
      return gest_annulment_approve (store, uuid, error);
    case GEST_ANNULMENT_REGISTERED:
      return gest_annulment_register (store, uuid, error);
    case GEST_ANNULMENT_REINVOICE_APPROVED:
      return gest_annulment_approve_reinvoice (store, uuid, error);
    case GEST_ANNULMENT_FILED:
      return gest_annulment_file (store, uuid, error);
    case GEST_ANNULMENT_REQUEST:
    case GEST_N_ANNULMENT_STAGES:
    default:
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("An annulment does not go back to its request: each step is recorded once."));
      return FALSE;
    }
}

const char *
gest_annulment_advance_label (GestAnnulmentStage to_stage)
{
  switch (to_stage)
    {
    case GEST_ANNULMENT_SENT:
      return _("_Send Request");
    case GEST_ANNULMENT_APPROVED:
      return _("_Approve");
    case GEST_ANNULMENT_REGISTERED:
      return _("_Register as Annulled");
    case GEST_ANNULMENT_REINVOICE_APPROVED:
      return _("Approve _Re-invoicing");
    case GEST_ANNULMENT_FILED:
      return _("_File with Stamped Memo");
    case GEST_ANNULMENT_REQUEST:
    case GEST_N_ANNULMENT_STAGES:
    default:
      return NULL;
    }
}

typedef struct
{
  char                 *uuid;
  GestAnnulmentStage    to_stage;
  gboolean              is_request;
  char                 *customer_uuid;
  char                 *plan_uuid;
  char                 *city;
  char                 *invoice_number;
  char                 *cfdi_uuid;
  char                 *cancel_reason;
  char                 *substitute_cfdi_uuid;
  GestAnnulmentRequest  request;   /* pointing into the strings above */
} Save;

static void
save_free (Save *save)
{
  g_free (save->uuid);
  g_free (save->customer_uuid);
  g_free (save->plan_uuid);
  g_free (save->city);
  g_free (save->invoice_number);
  g_free (save->cfdi_uuid);
  g_free (save->cancel_reason);
  g_free (save->substitute_cfdi_uuid);
  g_free (save);
}

static gboolean
run_save (GestStore  *store,
          gpointer    data,
          GError    **error)
{
  Save *save = data;

  if (!save->is_request)
    return gest_annulment_advance (store, save->uuid, save->to_stage, error);
  if (save->uuid != NULL)
    return gest_annulment_update_request (store, save->uuid, &save->request, error);
  return gest_annulment_create (store, &save->request, NULL, &save->uuid, NULL, error);
}

void
gest_annulment_advance_async (GestStore           *store,
                              const char          *uuid,
                              GestAnnulmentStage   to_stage,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Save *save = g_new0 (Save, 1);

  g_return_if_fail (GEST_IS_STORE (store));
  save->uuid = g_strdup (uuid);
  save->to_stage = to_stage;
  gest_store_write_async (store, run_save, save, (GDestroyNotify) save_free, cancellable,
                          callback, user_data);
}

void
gest_annulment_save_request_async (GestStore                  *store,
                                   const char                 *uuid,
                                   const GestAnnulmentRequest *request,
                                   GCancellable               *cancellable,
                                   GAsyncReadyCallback         callback,
                                   gpointer                    user_data)
{
  Save *save = g_new0 (Save, 1);

  g_return_if_fail (GEST_IS_STORE (store));
  save->is_request = TRUE;
  save->uuid = g_strdup (uuid);
  save->customer_uuid = g_strdup (request->customer_uuid);
  save->plan_uuid = g_strdup (request->plan_uuid);
  save->city = g_strdup (request->city);
  save->invoice_number = g_strdup (request->invoice_number);
  save->cfdi_uuid = g_strdup (request->cfdi_uuid);
  save->cancel_reason = g_strdup (request->cancel_reason);
  save->substitute_cfdi_uuid = g_strdup (request->substitute_cfdi_uuid);
  save->request = *request;
  save->request.customer_uuid = save->customer_uuid;
  save->request.plan_uuid = save->plan_uuid;
  save->request.city = save->city;
  save->request.invoice_number = save->invoice_number;
  save->request.cfdi_uuid = save->cfdi_uuid;
  save->request.cancel_reason = save->cancel_reason;
  save->request.substitute_cfdi_uuid = save->substitute_cfdi_uuid;
  gest_store_write_async (store, run_save, save, (GDestroyNotify) save_free, cancellable,
                          callback, user_data);
}

gboolean
gest_annulment_save_finish (GestStore     *store,
                            GAsyncResult  *result,
                            char         **out_uuid,
                            GError       **error)
{
  Save *save;

  if (!gest_store_write_finish (store, result, error))
    return FALSE;
  save = gest_store_write_get_data (result);
  if (out_uuid != NULL)
    *out_uuid = g_strdup (save->uuid);
  return TRUE;
}
