/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-rules"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-tramite-rules.h"
#include "gest-tramite-workflow.h"

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

/* The phrases of the table, for the item refusals below. */
#define NEED(id) (gest_workflow_requirement_phrase (gest_tramite_workflow_get (), (id)))
#define NEED_INSURANCE   NEED (GEST_TRAMITE_NEED_INSURANCE)
#define NEED_RELEASED    NEED (GEST_TRAMITE_NEED_RELEASED)
#define NEED_DELIVERED   NEED (GEST_TRAMITE_NEED_DELIVERED)

static char *
join_needs (GPtrArray *needs)
{
  g_ptr_array_add (needs, NULL);
  return g_strjoinv ("; ", (char **) needs->pdata);
}

static const char *
actor_id (GestTramiteActor actor)
{
  switch (actor)
    {
    case GEST_TRAMITE_ACTOR_DEALER:
      return GEST_TRAMITE_WORKFLOW_DEALER;
    case GEST_TRAMITE_ACTOR_CONAUTO:
      return GEST_TRAMITE_WORKFLOW_CONAUTO;
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

/* The checklist answers the table's requirements. */
static gboolean
checklist_has (const char *requirement,
               gpointer    user_data)
{
  const GestTramiteChecklist *checklist = user_data;
  const struct
  {
    const char *id;
    gboolean    met;
  } answers[] = {
    { GEST_TRAMITE_NEED_PAYMENT, checklist->payment_received },
    { GEST_TRAMITE_NEED_PROOF, checklist->payment_proof },
    { GEST_TRAMITE_NEED_DOCS, checklist->docs_sent },
    { GEST_TRAMITE_NEED_INSURANCE, checklist->insurance_cancelled },
    { GEST_TRAMITE_NEED_RELEASED, checklist->invoice_released },
    { GEST_TRAMITE_NEED_DELIVERED, checklist->invoice_delivered },
    { GEST_TRAMITE_NEED_ACK, checklist->ack_returned },
  };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    if (g_str_equal (requirement, answers[i].id))
      return answers[i].met;
  g_return_val_if_reached (FALSE);
}

const char *
gest_tramite_step_title (int step)
{
  g_return_val_if_fail (gest_tramite_step_is_valid (step), NULL);

  return gest_workflow_step_title (gest_tramite_workflow_get (), step);
}

const char *
gest_tramite_step_description (int step)
{
  g_return_val_if_fail (gest_tramite_step_is_valid (step), NULL);

  return gest_workflow_step_description (gest_tramite_workflow_get (), step);
}

gboolean
gest_tramite_step_is_valid (int step)
{
  return gest_workflow_step_is_valid (gest_tramite_workflow_get (), step);
}

gboolean
gest_tramite_step_is_conauto (int step)
{
  return g_strcmp0 (gest_workflow_step_owner (gest_tramite_workflow_get (), step),
                    GEST_TRAMITE_WORKFLOW_CONAUTO) == 0;
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
  GestWorkflowFacts facts = { checklist_has, (gpointer) checklist };

  g_return_val_if_fail (checklist != NULL, g_ptr_array_new_with_free_func (g_free));

  return gest_workflow_missing (gest_tramite_workflow_get (), &facts, step);
}

gboolean
gest_tramite_rules_check_move (const GestTramiteChecklist  *checklist,
                               int                          from,
                               int                          to,
                               GestTramiteActor             actor,
                               GError                     **error)
{
  GestWorkflowFacts facts = { checklist_has, (gpointer) checklist };

  g_return_val_if_fail (checklist != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gest_workflow_check_move (gest_tramite_workflow_get (), &facts, from, to,
                                   actor_id (actor), error);
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
                   _("Only Conauto records “%s”: it arrives through the Conauto sync or Conauto’s signed update file."),
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

static gboolean
has_reason (const char *reason)
{
  if (reason == NULL)
    return FALSE;
  for (const char *p = reason; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

gboolean
gest_tramite_rules_check_amount_reason (GestMoney    amount,
                                        GestMoney    balance,
                                        GestMoney    overdue,
                                        const char  *reason,
                                        gboolean    *out_departs,
                                        GError     **error)
{
  g_autofree char *amount_s = NULL;
  g_autofree char *limit_s = NULL;
  gboolean above = amount > balance;
  gboolean below = amount < overdue;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_departs != NULL)
    *out_departs = above || below;
  if ((!above && !below) || has_reason (reason))
    return TRUE;

  amount_s = gest_money_format (amount);
  if (above)
    {
      limit_s = gest_money_format (balance);
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The agreed amount %s is above the plan’s balance of %s. Check the amount with Conauto; if Conauto really agreed it, write the reason (it is recorded in the log), and someone who may approve amounts that depart from the statement must register it."),
                   amount_s, limit_s);
    }
  else
    {
      limit_s = gest_money_format (overdue);
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The agreed amount %s is below the plan’s overdue amount of %s, so it would not even cover what is overdue. Check the amount with Conauto; if Conauto really agreed it, write the reason (it is recorded in the log), and someone who may approve amounts that depart from the statement must register it."),
                   amount_s, limit_s);
    }
  return FALSE;
}

gboolean
gest_tramite_rules_check_payment_reason (GestMoney     agreed,
                                         const GDate  *registered,
                                         GestMoney     amount,
                                         const GDate  *date,
                                         const char   *reason,
                                         gboolean     *out_departs,
                                         GError      **error)
{
  gboolean differs = amount != agreed;
  gboolean early = registered != NULL && g_date_valid (registered) &&
                   date != NULL && g_date_valid (date) && g_date_compare (date, registered) < 0;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_departs != NULL)
    *out_departs = differs || early;
  if ((!differs && !early) || has_reason (reason))
    return TRUE;

  if (differs)
    {
      g_autofree char *amount_s = gest_money_format (amount);
      g_autofree char *difference = gest_tramite_rules_describe_difference (agreed, amount);

      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The payment of %s is %s. Check the customer’s receipt; if the customer really paid that, write the reason (it is recorded in the log), and someone who may approve payments that depart from the statement must record it."),
                   amount_s, difference);
    }
  else
    {
      g_autofree char *date_s = gest_date_format (date);
      g_autofree char *registered_s = gest_date_format (registered);

      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The payment date %s is before the folio was registered (%s). Check the date on the customer’s receipt; if it is right, write the reason (it is recorded in the log), and someone who may approve payments that depart from the statement must record it."),
                   date_s, registered_s);
    }
  return FALSE;
}

char *
gest_tramite_rules_describe_difference (GestMoney agreed,
                                        GestMoney paid)
{
  g_autofree char *agreed_s = NULL;
  g_autofree char *difference_s = NULL;

  if (paid == agreed)
    return NULL;
  agreed_s = gest_money_format (agreed);
  if (paid < agreed)
    {
      difference_s = gest_money_format (agreed - paid);
      return g_strdup_printf (_("%s less than agreed (%s)"), difference_s, agreed_s);
    }
  difference_s = gest_money_format (paid - agreed);
  return g_strdup_printf (_("%s more than agreed (%s)"), difference_s, agreed_s);
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
