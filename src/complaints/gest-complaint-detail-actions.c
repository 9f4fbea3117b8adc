/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-complaint-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-annulment-link.h"
#include "gest-complaint-assign-dialog.h"
#include "gest-complaint-closure-dialog.h"
#include "gest-complaint-detail-private.h"
#include "gest-complaint-letter-window.h"
#include "gest-complaint-sla.h"
#include "gest-complaint-task-dialog.h"
#include "gest-window.h"

typedef struct
{
  GestComplaintDetail *self;        /* owned */
  GestComplaintPart    part;
  char                *toast;
} RunContext;

typedef struct
{
  char                *uuid;
  GestComplaintChange *change;
  char                *out_uuid;    /* the annulment made */
} RunData;

GestComplaintChange *
gest_complaint_change_new (GestComplaintOp op)
{
  GestComplaintChange *change = g_new0 (GestComplaintChange, 1);

  change->op = op;
  return change;
}

static void
change_free (GestComplaintChange *change)
{
  g_free (change->text);
  g_free (change->contact);
  g_free (change);
}

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free (run->uuid);
  change_free (run->change);
  g_free (run->out_uuid);
  g_free (run);
}

static GtkWindow *
parent_window (GestComplaintDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* On the writer thread, in its transaction. */
static gboolean
run_func (GestStore  *store,
          gpointer    data,
          GError    **error)
{
  RunData *run = data;
  GestComplaintChange *c = run->change;

  switch (c->op)
    {
    case GEST_COMPLAINT_OP_MOVE:
      return gest_complaint_move (store, run->uuid, c->number, c->text, error);
    case GEST_COMPLAINT_OP_LOG:
      return gest_complaint_add_log (store, run->uuid, c->number, c->text, c->contact, NULL, error);
    case GEST_COMPLAINT_OP_SOLUTION:
      return gest_complaint_set_solution (store, run->uuid, c->text, error);
    case GEST_COMPLAINT_OP_APPROVE:
      return gest_complaint_approve_solution (store, run->uuid, error);
    case GEST_COMPLAINT_OP_RECEIPT:
      return gest_complaint_confirm_receipt (store, run->uuid, c->text, error);
    case GEST_COMPLAINT_OP_ACCEPTANCE:
      return gest_complaint_record_acceptance_call (store, run->uuid, c->flag, c->text, error);
    case GEST_COMPLAINT_OP_REOPEN:
      return gest_complaint_reopen (store, run->uuid, c->text, error);
    case GEST_COMPLAINT_OP_WAITING:
      return gest_complaint_set_waiting (store, run->uuid, c->flag, c->text, error);
    case GEST_COMPLAINT_OP_TASK_DONE:
      return gest_complaint_task_done (store, c->text, error);
    case GEST_COMPLAINT_OP_ANNULMENT:
      return gest_annulment_create_for_complaint (store, run->uuid, c->flag, &run->out_uuid, NULL, error);
    default:
      g_assert_not_reached ();
    }
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  RunContext *ctx = user_data;
  GestComplaintDetail *self = ctx->self;
  RunData *run = gest_store_write_get_data (result);
  g_autoptr(GError) error = NULL;

  self->saving--;
  if (!gest_store_write_finish (GEST_STORE (object), result, &error))
    {
      /* Reload first: a reload keeps the error labels, and the page shows what is stored. */
      gest_complaint_detail_reload (self);
      gest_complaint_detail_show_error (self, ctx->part, error->message);
    }
  else
    {
      if (run->change->op == GEST_COMPLAINT_OP_LOG)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->log_text_row), "");
          gtk_editable_set_text (GTK_EDITABLE (self->log_contact_row), "");
        }
      gest_complaint_detail_show_error (self, ctx->part, NULL);
      gest_complaint_detail_reload (self);
      if (ctx->toast != NULL)
        gest_record_detail_add_toast (self->record, ctx->toast);
      if (run->change->op == GEST_COMPLAINT_OP_ANNULMENT && run->out_uuid != NULL &&
          GEST_IS_WINDOW (parent_window (self)))
        gest_window_show_record (GEST_WINDOW (parent_window (self)), "annulment", run->out_uuid);
    }
  g_object_unref (ctx->self);
  g_free (ctx->toast);
  g_free (ctx);
}

gboolean
gest_complaint_detail_run (GestComplaintDetail *self,
                           GestComplaintChange *change,
                           GestComplaintPart    part,
                           const char          *toast)
{
  RunContext *ctx;
  RunData *run;

  if (self->complaint == NULL || self->saving > 0)
    {
      change_free (change);
      return FALSE;
    }
  self->saving++;
  run = g_new0 (RunData, 1);
  run->uuid = g_strdup (self->complaint_uuid);
  run->change = change;
  ctx = g_new0 (RunContext, 1);
  ctx->self = g_object_ref (self);
  ctx->part = part;
  ctx->toast = g_strdup (toast);
  gest_store_write_async (self->store, run_func, run, run_data_free, NULL, run_done_cb, ctx);
  return TRUE;
}

/* Asking for a reason or a note. */

typedef struct
{
  GestComplaintDetail *self;        /* owned */
  GestComplaintChange *change;
  GestComplaintPart    part;
  char                *toast;
  GtkEditable         *entry;       /* borrowed: the dialog's */
  gboolean             required;
} AskData;

static void
ask_data_free (gpointer data)
{
  AskData *ask = data;

  g_object_unref (ask->self);
  if (ask->change != NULL)
    change_free (ask->change);
  g_free (ask->toast);
  g_free (ask);
}

static void
ask_changed_cb (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "gest-ask");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (ask->required)
    adw_message_dialog_set_response_enabled (dialog, "ok", *text != '\0');
}

static void
ask_response_cb (AdwMessageDialog *dialog,
                 const char       *response)
{
  AskData *ask = g_object_get_data (G_OBJECT (dialog), "gest-ask");
  GestComplaintChange *change;

  if (g_str_equal (response, "cancel"))
    return;
  change = g_steal_pointer (&ask->change);
  change->text = g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));
  /* The acceptance call has a second answer: the customer did not accept. */
  if (change->op == GEST_COMPLAINT_OP_ACCEPTANCE)
    change->flag = g_str_equal (response, "ok");
  gest_complaint_detail_run (ask->self, change, ask->part, ask->toast);
}

void
gest_complaint_detail_ask (GestComplaintDetail *self,
                           const char          *heading,
                           const char          *body,
                           const char          *response_label,
                           gboolean             required,
                           GestComplaintChange *change,
                           GestComplaintPart    part,
                           const char          *toast)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry;
  AskData *ask;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), NULL);
  if (change->op == GEST_COMPLAINT_OP_ACCEPTANCE)
    adw_message_dialog_add_responses (dialog, "declined", _("_Did Not Accept"), NULL);
  adw_message_dialog_add_responses (dialog, "ok", response_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "ok");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_response_enabled (dialog, "ok", !required);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), required ? _("Reason") : _("Note (optional)"));
  adw_message_dialog_set_extra_child (dialog, entry);

  ask = g_new0 (AskData, 1);
  ask->self = g_object_ref (self);
  ask->change = change;
  ask->part = part;
  ask->toast = g_strdup (toast);
  ask->entry = GTK_EDITABLE (entry);
  ask->required = required;
  g_object_set_data_full (G_OBJECT (dialog), "gest-ask", ask, ask_data_free);
  g_signal_connect (entry, "changed", G_CALLBACK (ask_changed_cb), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (ask_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The buttons. */

gboolean
gest_complaint_detail_move_next (GestComplaintDetail *self)
{
  GestComplaintChange *change;
  g_autofree char *toast = NULL;

  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), FALSE);

  if (self->complaint == NULL || self->complaint->stage >= GEST_COMPLAINT_ANSWERED)
    return FALSE;
  change = gest_complaint_change_new (GEST_COMPLAINT_OP_MOVE);
  change->number = self->complaint->stage + 1;
  /* Translators: a toast after a move, "Moved to Negociación". */
  toast = g_strdup_printf (_("Moved to %s"), gest_complaint_stage_label (change->number));
  return gest_complaint_detail_run (self, change, GEST_COMPLAINT_PART_STATUS, toast);
}

void
gest_complaint_detail_back_clicked (GestComplaintDetail *self)
{
  GestComplaintChange *change;
  g_autofree char *heading = NULL;

  if (self->complaint == NULL || self->complaint->stage <= GEST_COMPLAINT_ASSIGNED)
    return;
  change = gest_complaint_change_new (GEST_COMPLAINT_OP_MOVE);
  change->number = self->complaint->stage == GEST_COMPLAINT_ANNULMENT ? GEST_COMPLAINT_ANSWERED
                                                                      : self->complaint->stage - 1;
  /* Translators: "Move QJA-2026-000123 back to En seguimiento?" */
  heading = g_strdup_printf (_("Move %s back to %s?"), self->complaint->folio,
                             gest_complaint_stage_label (change->number));
  gest_complaint_detail_ask (self, heading, _("Write why. The reason is recorded in the case’s log."),
                             _("Move _Back"), TRUE, change, GEST_COMPLAINT_PART_STATUS, _("Moved back"));
}

gboolean
gest_complaint_detail_add_log (GestComplaintDetail *self,
                               int                  kind,
                               const char          *text,
                               const char          *contact_name)
{
  GestComplaintChange *change;

  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), FALSE);

  change = gest_complaint_change_new (GEST_COMPLAINT_OP_LOG);
  change->number = kind;
  change->text = g_strstrip (g_strdup (text != NULL ? text : ""));
  change->contact = contact_name != NULL && *contact_name != '\0' ? g_strstrip (g_strdup (contact_name)) : NULL;
  return gest_complaint_detail_run (self, change, GEST_COMPLAINT_PART_LOG, _("Entry added to the case’s log"));
}

void
gest_complaint_detail_log_clicked (GestComplaintDetail *self)
{
  guint kind = adw_combo_row_get_selected (self->log_kind_row);

  gest_complaint_detail_add_log (self, kind == GTK_INVALID_LIST_POSITION ? GEST_COMPLAINT_LOG_NOTE : (int) kind,
                                 gtk_editable_get_text (GTK_EDITABLE (self->log_text_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->log_contact_row)));
}

void
gest_complaint_detail_solution_apply (GestComplaintDetail *self)
{
  GestComplaintChange *change = gest_complaint_change_new (GEST_COMPLAINT_OP_SOLUTION);

  change->text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->solution_row))));
  gest_complaint_detail_run (self, change, GEST_COMPLAINT_PART_SOLUTION, _("Solution saved"));
}

gboolean
gest_complaint_detail_approve (GestComplaintDetail *self)
{
  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), FALSE);

  return gest_complaint_detail_run (self, gest_complaint_change_new (GEST_COMPLAINT_OP_APPROVE),
                                    GEST_COMPLAINT_PART_SOLUTION, _("Solution approved"));
}

gboolean
gest_complaint_detail_set_waiting (GestComplaintDetail *self,
                                   gboolean             waiting,
                                   const char          *note)
{
  GestComplaintChange *change;

  g_return_val_if_fail (GEST_IS_COMPLAINT_DETAIL (self), FALSE);

  change = gest_complaint_change_new (GEST_COMPLAINT_OP_WAITING);
  change->flag = waiting;
  change->text = g_strdup (note != NULL ? note : "");
  return gest_complaint_detail_run (self, change, GEST_COMPLAINT_PART_SLA,
                                    waiting ? _("The clock is paused while the case waits on the customer")
                                            : _("The clock runs again"));
}

void
gest_complaint_detail_waiting_toggled (GestComplaintDetail *self)
{
  gboolean active = gtk_switch_get_active (self->waiting_switch);

  if (self->filling || self->complaint == NULL || active == self->complaint->waiting_customer)
    return;
  if (!gest_complaint_detail_set_waiting (self, active, NULL))
    {
      self->filling = TRUE;
      gtk_switch_set_active (self->waiting_switch, self->complaint->waiting_customer);
      self->filling = FALSE;
    }
}

void
gest_complaint_detail_receipt_clicked (GestComplaintDetail *self)
{
  gest_complaint_detail_ask (self, _("Did the customer receive the answer letter?"),
                             _("Write how they confirmed it, if you wish. It is recorded in the case’s log."),
                             _("_Confirm Receipt"), FALSE, gest_complaint_change_new (GEST_COMPLAINT_OP_RECEIPT),
                             GEST_COMPLAINT_PART_SOLUTION, _("Receipt confirmed"));
}

void
gest_complaint_detail_acceptance_clicked (GestComplaintDetail *self)
{
  gest_complaint_detail_ask (self, _("Does the customer accept the solution?"),
                             _("Record the call with the customer. Only their acceptance lets the case close."),
                             _("_Accepted"), FALSE, gest_complaint_change_new (GEST_COMPLAINT_OP_ACCEPTANCE),
                             GEST_COMPLAINT_PART_CLOSURE, _("Call recorded"));
}

void
gest_complaint_detail_reopen_clicked (GestComplaintDetail *self)
{
  g_autofree char *heading = NULL;

  if (self->complaint == NULL)
    return;
  heading = g_strdup_printf (_("Reopen %s?"), self->complaint->folio);
  gest_complaint_detail_ask (self, heading,
                             _("The case goes back to follow-up and its clock runs again. Write why; the reason is recorded in the case’s log."),
                             _("_Reopen"), TRUE, gest_complaint_change_new (GEST_COMPLAINT_OP_REOPEN),
                             GEST_COMPLAINT_PART_CLOSURE, _("Case reopened"));
}

static void
annulment_response_cb (AdwMessageDialog    *dialog,
                       const char          *response,
                       GestComplaintDetail *self)
{
  GestComplaintChange *change;

  if (g_str_equal (response, "cancel"))
    return;
  change = gest_complaint_change_new (GEST_COMPLAINT_OP_ANNULMENT);
  change->flag = g_str_equal (response, "costs");
  gest_complaint_detail_run (self, change, GEST_COMPLAINT_PART_CLOSURE, _("Annulment request made"));
}

void
gest_complaint_detail_annulment_clicked (GestComplaintDetail *self)
{
  AdwMessageDialog *dialog;

  if (self->complaint == NULL)
    return;
  if (self->complaint->annulment_uuid != NULL)
    {
      if (GEST_IS_WINDOW (parent_window (self)))
        gest_window_show_record (GEST_WINDOW (parent_window (self)), "annulment", self->complaint->annulment_uuid);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), _("End the Case in an Annulment?"),
                                                       _("An annulment request is made for the customer’s purchase and linked to this case, "
                                                         "which closes when the annulment is filed. Are administrative costs charged?")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "costs", _("_With Costs"),
                                    "no-costs", _("With_out Costs"), NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (annulment_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
dialog_saved_cb (GestComplaintDetail *self)
{
  gest_complaint_detail_reload (self);
}

static void
letters_hidden_cb (GestComplaintDetail *self)
{
  gest_complaint_detail_reload (self);
}

void
gest_complaint_detail_assign_clicked (GestComplaintDetail *self)
{
  GestComplaintAssignDialog *dialog;

  if (self->complaint == NULL)
    return;
  dialog = gest_complaint_assign_dialog_new (parent_window (self), self->context, self->complaint);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gest_complaint_detail_task_clicked (GestComplaintDetail *self)
{
  GestComplaintTaskDialog *dialog;

  if (self->complaint == NULL)
    return;
  dialog = gest_complaint_task_dialog_new (parent_window (self), self->context, self->complaint_uuid);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
gest_complaint_detail_close_clicked (GestComplaintDetail *self)
{
  GestComplaintClosureDialog *dialog;

  if (self->complaint == NULL)
    return;
  dialog = gest_complaint_closure_dialog_new (parent_window (self), self->context, self->complaint);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The letters' windows emit nothing: the page reloads when the window that was on top of the
 * page's window goes away and the page's window is active again. */
static void
watch_letters (GestComplaintDetail *self)
{
  GtkWindow *parent = parent_window (self);

  if (self->watching_letters)
    return;
  self->watching_letters = TRUE;
  if (parent != NULL)
    g_signal_connect_object (parent, "notify::is-active", G_CALLBACK (letters_hidden_cb), self,
                             G_CONNECT_SWAPPED);
}

void
gest_complaint_detail_in_process_clicked (GestComplaintDetail *self)
{
  if (self->complaint == NULL)
    return;
  gest_complaint_in_process_dialog_present (parent_window (self), self->context, self->complaint_uuid);
  watch_letters (self);
}

void
gest_complaint_detail_letter_clicked (GestComplaintDetail *self)
{
  if (self->complaint == NULL)
    return;
  gest_complaint_letter_window_present (parent_window (self), self->context, self->complaint_uuid);
  watch_letters (self);
}
