/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite"

#include "config.h"

#include "gest-tramite-saves.h"

typedef enum
{
  SAVE_CREATE,
  SAVE_MOVE,
  SAVE_CHECK_ITEM,
  SAVE_UNCHECK_ITEM,
  SAVE_PAYMENT,
} SaveKind;

/* The arguments of one change, copied (the writer thread reads them later), and what it
 * made. */
typedef struct
{
  SaveKind         kind;
  char            *uuid;       /* the trámite; the plan for SAVE_CREATE */
  int              to_step;
  GestTramiteItem  item;
  GestMoney        amount;
  GDate            date;
  char            *text;       /* notes, the move's note, the payment's reference */
  char            *proof_uuid;
  char            *reason;     /* a departure's or an undo's reason */
  GestTramite     *created;    /* out, SAVE_CREATE */
} Save;

static void
save_free (Save *save)
{
  g_free (save->uuid);
  g_free (save->text);
  g_free (save->proof_uuid);
  g_free (save->reason);
  g_clear_pointer (&save->created, gest_tramite_free);
  g_free (save);
}

/* On the writer thread, with its connection. */
static gboolean
run_save (GestStore  *store,
          gpointer    data,
          GError    **error)
{
  Save *save = data;

  switch (save->kind)
    {
    case SAVE_CREATE:
      save->created = gest_tramite_create_full (store, save->uuid, save->amount, &save->date,
                                                save->text, save->reason, error);
      return save->created != NULL;
    case SAVE_MOVE:
      return gest_tramite_move (store, save->uuid, save->to_step, save->text, error);
    case SAVE_CHECK_ITEM:
      return gest_tramite_check_item (store, save->uuid, save->item, error);
    case SAVE_UNCHECK_ITEM:
      return gest_tramite_uncheck_item (store, save->uuid, save->item, save->reason, error);
    case SAVE_PAYMENT:
      return gest_tramite_record_payment_full (store, save->uuid, save->amount, &save->date,
                                               save->text, save->proof_uuid, save->reason, error);
    default:
      g_assert_not_reached ();
    }
}

static Save *
save_new (SaveKind    kind,
          const char *uuid,
          const char *text)
{
  Save *save = g_new0 (Save, 1);

  save->kind = kind;
  save->uuid = g_strdup (uuid);
  save->text = g_strdup (text);
  g_date_clear (&save->date, 1);
  return save;
}

static void
start (GestStore           *store,
       Save                *save,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  gest_store_write_async (store, run_save, save, (GDestroyNotify) save_free,
                          cancellable, callback, user_data);
}

void
gest_tramite_create_async (GestStore           *store,
                           const char          *plan,
                           GestMoney            agreed_amount,
                           const GDate         *agreed_date,
                           const char          *notes,
                           const char          *reason,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Save *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (plan != NULL);
  g_return_if_fail (agreed_date != NULL);

  save = save_new (SAVE_CREATE, plan, notes);
  save->amount = agreed_amount;
  save->date = *agreed_date;
  save->reason = g_strdup (reason);
  start (store, save, cancellable, callback, user_data);
}

GestTramite *
gest_tramite_create_finish (GestStore     *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  Save *save;

  if (!gest_store_write_finish (store, result, error))
    return NULL;
  save = gest_store_write_get_data (result);
  g_return_val_if_fail (save->kind == SAVE_CREATE, NULL);
  return g_steal_pointer (&save->created);
}

void
gest_tramite_move_async (GestStore           *store,
                         const char          *uuid,
                         int                  to_step,
                         const char          *note,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Save *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (uuid != NULL);

  save = save_new (SAVE_MOVE, uuid, note);
  save->to_step = to_step;
  start (store, save, cancellable, callback, user_data);
}

void
gest_tramite_check_item_async (GestStore           *store,
                               const char          *uuid,
                               GestTramiteItem      item,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Save *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (uuid != NULL);

  save = save_new (SAVE_CHECK_ITEM, uuid, NULL);
  save->item = item;
  start (store, save, cancellable, callback, user_data);
}

void
gest_tramite_record_payment_async (GestStore           *store,
                                   const char          *uuid,
                                   GestMoney            amount,
                                   const GDate         *date,
                                   const char          *reference,
                                   const char          *proof_document_uuid,
                                   const char          *reason,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  Save *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (uuid != NULL);

  save = save_new (SAVE_PAYMENT, uuid, reference);
  save->amount = amount;
  if (date != NULL)
    save->date = *date;
  save->proof_uuid = g_strdup (proof_document_uuid);
  save->reason = g_strdup (reason);
  start (store, save, cancellable, callback, user_data);
}

void
gest_tramite_uncheck_item_async (GestStore           *store,
                                 const char          *uuid,
                                 GestTramiteItem      item,
                                 const char          *reason,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Save *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (uuid != NULL);

  save = save_new (SAVE_UNCHECK_ITEM, uuid, NULL);
  save->item = item;
  save->reason = g_strdup (reason);
  start (store, save, cancellable, callback, user_data);
}

gboolean
gest_tramite_save_finish (GestStore     *store,
                          GAsyncResult  *result,
                          GError       **error)
{
  return gest_store_write_finish (store, result, error);
}
