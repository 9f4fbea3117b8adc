/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-tramite-rules.h"

/* T6, in the words of the seed's "resumen de seguimiento". */
static const struct
{
  const char *title;
  const char *description;
} steps[GEST_TRAMITE_N_STEPS] = {
  { N_("Contact Conauto"),
    N_("The dealer contacts Conauto to agree on the payoff amount and the payment date.") },
  { N_("Registered"),
    N_("The dealer registers the trámite with the amount and the payment date agreed with Conauto.") },
  { N_("Documents and payment"),
    N_("The dealer sends the required documents and the customer pays the agreed amount.") },
  { N_("Deposit verified"),
    N_("Conauto verifies the customer’s deposit and processes the car-insurance cancellation.") },
  { N_("Insurance cancelled"),
    N_("Conauto cancels the car insurance and requests the invoice delivery.") },
  { N_("Invoice delivery"),
    N_("Conauto processes the delivery of the invoice and guarantees to the dealer’s representative.") },
  { N_("Invoice to customer"),
    N_("The dealer receives the invoice, gives it to the customer and returns the acknowledgment to Conauto.") },
  { N_("Finished"),
    N_("The trámite is finished.") },
};

static const struct
{
  const char *id;
  const char *label;
} items[GEST_TRAMITE_N_ITEMS] = {
  [GEST_TRAMITE_ITEM_DOCS_SENT] = { "docs-sent", N_("Documents sent to Conauto") },
  [GEST_TRAMITE_ITEM_PAYMENT] = { "payment", N_("Customer payment received") },
  [GEST_TRAMITE_ITEM_INSURANCE_CANCELLED] = { "insurance-cancelled", N_("Car insurance cancelled") },
  [GEST_TRAMITE_ITEM_INVOICE_RELEASED] = { "invoice-released", N_("Invoice and guarantees released") },
  [GEST_TRAMITE_ITEM_INVOICE_DELIVERED] = { "invoice-delivered", N_("Invoice delivered to the customer") },
  [GEST_TRAMITE_ITEM_ACK_RETURNED] = { "ack-returned", N_("Acknowledgment returned to Conauto") },
};

/* The phrases that complete "Step 4 needs: …". */
#define NEED_PAYMENT     _("the customer’s payment (amount, date and reference)")
#define NEED_PROOF       _("the customer’s payment proof")
#define NEED_DOCS        _("the documents sent to Conauto")
#define NEED_INSURANCE   _("the car-insurance cancellation by Conauto")
#define NEED_RELEASED    _("the invoice and guarantees released by Conauto")
#define NEED_DELIVERED   _("the invoice delivered to the customer")
#define NEED_ACK         _("the acknowledgment returned to Conauto")

static char *
join_needs (GPtrArray *needs)
{
  g_ptr_array_add (needs, NULL);
  return g_strjoinv ("; ", (char **) needs->pdata);
}

const char *
gest_tramite_step_title (int step)
{
  g_return_val_if_fail (gest_tramite_step_is_valid (step), NULL);

  return _(steps[step - 1].title);
}

const char *
gest_tramite_step_description (int step)
{
  g_return_val_if_fail (gest_tramite_step_is_valid (step), NULL);

  return _(steps[step - 1].description);
}

gboolean
gest_tramite_step_is_valid (int step)
{
  return step >= 1 && step <= GEST_TRAMITE_N_STEPS;
}

gboolean
gest_tramite_step_is_conauto (int step)
{
  return step >= 4 && step <= 6;
}

const char *
gest_tramite_item_id (GestTramiteItem item)
{
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS, NULL);

  return items[item].id;
}

gboolean
gest_tramite_item_from_id (const char      *id,
                           GestTramiteItem *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < GEST_TRAMITE_N_ITEMS; i++)
    {
      if (g_str_equal (id, items[i].id))
        {
          if (out != NULL)
            *out = (GestTramiteItem) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
gest_tramite_item_label (GestTramiteItem item)
{
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS, NULL);

  return _(items[item].label);
}

gboolean
gest_tramite_item_is_conauto (GestTramiteItem item)
{
  return item == GEST_TRAMITE_ITEM_INSURANCE_CANCELLED ||
         item == GEST_TRAMITE_ITEM_INVOICE_RELEASED;
}

GPtrArray *
gest_tramite_rules_missing_for_step (const GestTramiteChecklist *checklist,
                                     int                         step)
{
  GPtrArray *needs = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (checklist != NULL, needs);

  if (step >= 4)
    {
      if (!checklist->payment_received)
        g_ptr_array_add (needs, g_strdup (NEED_PAYMENT));
      if (!checklist->payment_proof)
        g_ptr_array_add (needs, g_strdup (NEED_PROOF));
      if (!checklist->docs_sent)
        g_ptr_array_add (needs, g_strdup (NEED_DOCS));
    }
  if (step >= 5 && !checklist->insurance_cancelled)
    g_ptr_array_add (needs, g_strdup (NEED_INSURANCE));
  if (step >= 7 && !checklist->invoice_released)
    g_ptr_array_add (needs, g_strdup (NEED_RELEASED));
  if (step >= 8)
    {
      if (!checklist->invoice_delivered)
        g_ptr_array_add (needs, g_strdup (NEED_DELIVERED));
      if (!checklist->ack_returned)
        g_ptr_array_add (needs, g_strdup (NEED_ACK));
    }
  return needs;
}

static gboolean
actor_may_move (int              from,
                int              to,
                GestTramiteActor actor)
{
  switch (actor)
    {
    case GEST_TRAMITE_ACTOR_DEALER:
      if (from == 6 && to == 7)
        return TRUE;
      return !gest_tramite_step_is_conauto (from) && !gest_tramite_step_is_conauto (to);

    case GEST_TRAMITE_ACTOR_CONAUTO:
      return from >= 3 && from <= 6 && to >= 3 && to <= 6;

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
gest_tramite_rules_check_move (const GestTramiteChecklist  *checklist,
                               int                          from,
                               int                          to,
                               GestTramiteActor             actor,
                               GError                     **error)
{
  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!gest_tramite_step_is_valid (to))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("There is no step %d: steps go from 1 to 8."), to);
      return FALSE;
    }
  if (!gest_tramite_step_is_valid (from))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("There is no step %d: steps go from 1 to 8."), from);
      return FALSE;
    }

  if (from == to)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The trámite is already in step %d (%s)."),
                   to, gest_tramite_step_title (to));
      return FALSE;
    }

  if (to != from + 1 && to != from - 1)
    {
      if (from == 1)
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("A trámite moves one step at a time: from step %d (%s) it can only go to step %d (%s)."),
                     from, gest_tramite_step_title (from), from + 1, gest_tramite_step_title (from + 1));
      else if (from == GEST_TRAMITE_N_STEPS)
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("A trámite moves one step at a time: from step %d (%s) it can only go back to step %d (%s)."),
                     from, gest_tramite_step_title (from), from - 1, gest_tramite_step_title (from - 1));
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("A trámite moves one step at a time: from step %d (%s) it can go forward to step %d (%s) or back to step %d (%s)."),
                     from, gest_tramite_step_title (from),
                     from + 1, gest_tramite_step_title (from + 1),
                     from - 1, gest_tramite_step_title (from - 1));
      return FALSE;
    }

  if (!actor_may_move (from, to, actor))
    {
      if (actor == GEST_TRAMITE_ACTOR_DEALER)
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("Steps 4 to 6 are Conauto’s: the move from step %d (%s) to step %d (%s) arrives through the Conauto sync or is recorded by the Conauto liaison."),
                     from, gest_tramite_step_title (from), to, gest_tramite_step_title (to));
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("Only the dealer moves a trámite from step %d (%s) to step %d (%s); Conauto’s updates cover steps 4 to 6."),
                     from, gest_tramite_step_title (from), to, gest_tramite_step_title (to));
      return FALSE;
    }

  /* Going back undoes a step; it needs nothing. */
  if (to < from)
    return TRUE;

  {
    g_autoptr(GPtrArray) needs = gest_tramite_rules_missing_for_step (checklist, to);

    if (needs->len > 0)
      {
        g_autofree char *list = join_needs (needs);

        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("Step %d needs: %s."), to, list);
        return FALSE;
      }
  }
  return TRUE;
}

static gboolean
refuse_needs (GPtrArray   *needs,
              const char  *format,
              GError     **error)
{
  g_autofree char *list = NULL;

  if (needs->len == 0)
    return TRUE;
  list = join_needs (needs);
  /* @format is one of the translated literals below, with a single %s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED, format, list);
#pragma GCC diagnostic pop
  return FALSE;
}

static char *
need_step (int step)
{
  return g_strdup_printf (_("the trámite in step %d (%s) or later"), step, gest_tramite_step_title (step));
}

gboolean
gest_tramite_rules_check_item (const GestTramiteChecklist  *checklist,
                               int                          step,
                               GestTramiteItem              item,
                               GestTramiteActor             actor,
                               GError                     **error)
{
  g_autoptr(GPtrArray) needs = NULL;

  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (item < GEST_TRAMITE_N_ITEMS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (gest_tramite_item_is_conauto (item) && actor != GEST_TRAMITE_ACTOR_CONAUTO)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("Only Conauto records “%s”: it arrives through the Conauto sync or is recorded by the Conauto liaison."),
                   gest_tramite_item_label (item));
      return FALSE;
    }

  needs = g_ptr_array_new_with_free_func (g_free);

  switch (item)
    {
    case GEST_TRAMITE_ITEM_DOCS_SENT:
      if (checklist->docs_sent)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                               _("The documents were already marked as sent to Conauto."));
          return FALSE;
        }
      return TRUE;

    case GEST_TRAMITE_ITEM_PAYMENT:
      if (step > 3)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                               _("The customer’s payment can only be recorded or corrected up to step 3 (Documents and payment): Conauto has already verified the deposit."));
          return FALSE;
        }
      return TRUE;

    case GEST_TRAMITE_ITEM_INSURANCE_CANCELLED:
      if (checklist->insurance_cancelled)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                               _("The car-insurance cancellation is already recorded."));
          return FALSE;
        }
      if (step < 4)
        g_ptr_array_add (needs, need_step (4));
      return refuse_needs (needs, _("Recording the car-insurance cancellation needs: %s."), error);

    case GEST_TRAMITE_ITEM_INVOICE_RELEASED:
      if (checklist->invoice_released)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                               _("The release of the invoice and guarantees is already recorded."));
          return FALSE;
        }
      if (!checklist->insurance_cancelled)
        g_ptr_array_add (needs, g_strdup (NEED_INSURANCE));
      if (step < 6)
        g_ptr_array_add (needs, need_step (6));
      return refuse_needs (needs, _("Recording the release of the invoice and guarantees needs: %s."), error);

    case GEST_TRAMITE_ITEM_INVOICE_DELIVERED:
      if (checklist->invoice_delivered)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                               _("The invoice was already marked as delivered to the customer."));
          return FALSE;
        }
      if (!checklist->invoice_released)
        g_ptr_array_add (needs, g_strdup (NEED_RELEASED));
      if (step < 7)
        g_ptr_array_add (needs, need_step (7));
      return refuse_needs (needs, _("Recording the invoice delivered to the customer needs: %s."), error);

    case GEST_TRAMITE_ITEM_ACK_RETURNED:
      if (checklist->ack_returned)
        {
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                               _("The acknowledgment was already marked as returned to Conauto."));
          return FALSE;
        }
      if (!checklist->invoice_delivered)
        g_ptr_array_add (needs, g_strdup (NEED_DELIVERED));
      return refuse_needs (needs, _("Recording the acknowledgment returned to Conauto needs: %s."), error);

    case GEST_TRAMITE_N_ITEMS:
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

gboolean
gest_tramite_rules_check_amount (GestMoney   amount,
                                 GestMoney   balance,
                                 GestMoney   life_insurance,
                                 GError    **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (amount <= 0)
    {
      g_autofree char *amount_s = gest_money_format (amount);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The agreed payoff amount must be more than $0.00 (it is %s). Write the amount agreed with Conauto."),
                   amount_s);
      return FALSE;
    }

  if (life_insurance > 0 && balance <= G_MAXINT64 - life_insurance &&
      amount == balance + life_insurance)
    {
      g_autofree char *amount_s = gest_money_format (amount);
      g_autofree char *balance_s = gest_money_format (balance);
      g_autofree char *insurance_s = gest_money_format (life_insurance);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The amount %s is the balance %s plus the life insurance %s, but the life insurance is never included in the payoff. Write the amount agreed with Conauto without it."),
                   amount_s, balance_s, insurance_s);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_tramite_rules_check_agreed_date (const GDate  *date,
                                      const GDate  *today,
                                      GError      **error)
{
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL || !g_date_valid (date))
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("Write the payment date agreed with Conauto, as dd/mm/yyyy."));
      return FALSE;
    }
  if (g_date_compare (date, today) < 0)
    {
      g_autofree char *date_s = gest_date_format (date);
      g_autofree char *today_s = gest_date_format (today);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The agreed payment date %s has already passed (today is %s). Agree a new date with Conauto and write it."),
                   date_s, today_s);
      return FALSE;
    }
  return TRUE;
}
