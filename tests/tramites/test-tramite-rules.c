/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T3, T6, T7: the trámite rules and the new-trámite form's values, without a store or a
 * display. Messages are checked word for word in the C locale. */
#include "config.h"

#include <locale.h>

#include "gest-date.h"
#include "gest-error.h"
#include "gest-tramite-rules.h"
#include "gest-tramite-values.h"

static const GestTramiteChecklist empty = { 0 };
static const GestTramiteChecklist full = { TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };

/* What a trámite that legitimately reached @step has (cumulative prerequisites). */
static GestTramiteChecklist
checklist_for_step (int step)
{
  GestTramiteChecklist c = { 0 };

  c.docs_sent = c.payment_received = c.payment_proof = step >= 4;
  c.insurance_cancelled = step >= 5;
  c.invoice_released = step >= 7;
  c.invoice_delivered = c.ack_returned = step >= 8;
  return c;
}

static void
assert_refused (const GestTramiteChecklist *c,
                int                         from,
                int                         to,
                GestTramiteActor            actor,
                const char                 *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_tramite_rules_check_move (c, from, to, actor, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_allowed (const GestTramiteChecklist *c,
                int                         from,
                int                         to,
                GestTramiteActor            actor)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_tramite_rules_check_move (c, from, to, actor, &error));
  g_assert_no_error (error);
}

static void
test_step_titles (void)
{
  const char *titles[] = { "Contact Conauto", "Registered", "Documents and payment", "Deposit verified",
                           "Insurance cancelled", "Invoice delivery", "Invoice to customer", "Finished" };

  for (int step = 1; step <= 8; step++)
    {
      g_assert_cmpstr (gest_tramite_step_title (step), ==, titles[step - 1]);
      g_assert_nonnull (gest_tramite_step_description (step));
      g_assert_cmpint (gest_tramite_step_is_conauto (step), ==, step >= 4 && step <= 6);
    }
  g_assert_false (gest_tramite_step_is_valid (0));
  g_assert_false (gest_tramite_step_is_valid (9));
  g_assert_cmpstr (gest_tramite_step_description (4), ==,
                   "Conauto verifies the customer’s deposit and processes the car-insurance cancellation.");
}

static void
test_invalid_steps (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_tramite_rules_check_move (&full, 2, 9, GEST_TRAMITE_ACTOR_DEALER, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "There is no step 9: steps go from 1 to 8.");
  g_clear_error (&error);
  g_assert_false (gest_tramite_rules_check_move (&full, 1, 0, GEST_TRAMITE_ACTOR_DEALER, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "There is no step 0: steps go from 1 to 8.");
}

static void
test_one_step_at_a_time (void)
{
  assert_refused (&full, 2, 2, GEST_TRAMITE_ACTOR_DEALER, "The trámite is already in step 2 (Registered).");
  assert_refused (&full, 2, 4, GEST_TRAMITE_ACTOR_CONAUTO,
                  "A trámite moves one step at a time: from step 2 (Registered) it can go forward to "
                  "step 3 (Documents and payment) or back to step 1 (Contact Conauto).");
  assert_refused (&full, 1, 3, GEST_TRAMITE_ACTOR_DEALER,
                  "A trámite moves one step at a time: from step 1 (Contact Conauto) it can only go to "
                  "step 2 (Registered).");
  assert_refused (&full, 8, 1, GEST_TRAMITE_ACTOR_DEALER,
                  "A trámite moves one step at a time: from step 8 (Finished) it can only go back to "
                  "step 7 (Invoice to customer).");
  /* A jump is refused even when everything is done. */
  assert_refused (&full, 3, 8, GEST_TRAMITE_ACTOR_DEALER,
                  "A trámite moves one step at a time: from step 3 (Documents and payment) it can go "
                  "forward to step 4 (Deposit verified) or back to step 2 (Registered).");
}

/* T6: steps 2 and 3 need nothing beyond the registration. */
static void
test_prerequisites_early_steps (void)
{
  assert_allowed (&empty, 1, 2, GEST_TRAMITE_ACTOR_DEALER);
  assert_allowed (&empty, 2, 3, GEST_TRAMITE_ACTOR_DEALER);
}

/* T6: no step 4 without payment proof and documents; everything missing is listed. */
static void
test_prerequisites_step_4 (void)
{
  GestTramiteChecklist c = empty;

  assert_refused (&c, 3, 4, GEST_TRAMITE_ACTOR_CONAUTO,
                  "Step 4 needs: the customer’s payment (amount, date and reference); the customer’s "
                  "payment proof; the documents sent to Conauto.");
  c.payment_received = TRUE;
  assert_refused (&c, 3, 4, GEST_TRAMITE_ACTOR_CONAUTO,
                  "Step 4 needs: the customer’s payment proof; the documents sent to Conauto.");
  c.payment_proof = TRUE;
  assert_refused (&c, 3, 4, GEST_TRAMITE_ACTOR_CONAUTO, "Step 4 needs: the documents sent to Conauto.");
  c.docs_sent = TRUE;
  c.payment_proof = FALSE;
  assert_refused (&c, 3, 4, GEST_TRAMITE_ACTOR_CONAUTO, "Step 4 needs: the customer’s payment proof.");
  c.payment_proof = TRUE;
  c.payment_received = FALSE;
  assert_refused (&c, 3, 4, GEST_TRAMITE_ACTOR_CONAUTO,
                  "Step 4 needs: the customer’s payment (amount, date and reference).");
  c.payment_received = TRUE;
  assert_allowed (&c, 3, 4, GEST_TRAMITE_ACTOR_CONAUTO);
}

static void
test_prerequisites_steps_5_to_7 (void)
{
  GestTramiteChecklist c = checklist_for_step (4);

  assert_refused (&c, 4, 5, GEST_TRAMITE_ACTOR_CONAUTO,
                  "Step 5 needs: the car-insurance cancellation by Conauto.");
  c.insurance_cancelled = TRUE;
  assert_allowed (&c, 4, 5, GEST_TRAMITE_ACTOR_CONAUTO);
  /* Step 6 adds nothing: Conauto processes the delivery there. */
  assert_allowed (&c, 5, 6, GEST_TRAMITE_ACTOR_CONAUTO);
  assert_refused (&c, 6, 7, GEST_TRAMITE_ACTOR_DEALER,
                  "Step 7 needs: the invoice and guarantees released by Conauto.");
  c.invoice_released = TRUE;
  assert_allowed (&c, 6, 7, GEST_TRAMITE_ACTOR_DEALER);

  /* Cumulative: a trámite that lost its proof (a correction) cannot be pushed on. */
  c = checklist_for_step (5);
  c.payment_proof = FALSE;
  assert_refused (&c, 5, 6, GEST_TRAMITE_ACTOR_CONAUTO, "Step 6 needs: the customer’s payment proof.");
}

/* T6: no step 8 without the acknowledgment (and the invoice given to the customer). */
static void
test_prerequisites_step_8 (void)
{
  GestTramiteChecklist c = checklist_for_step (7);

  assert_refused (&c, 7, 8, GEST_TRAMITE_ACTOR_DEALER,
                  "Step 8 needs: the invoice delivered to the customer; the acknowledgment returned to Conauto.");
  c.invoice_delivered = TRUE;
  assert_refused (&c, 7, 8, GEST_TRAMITE_ACTOR_DEALER,
                  "Step 8 needs: the acknowledgment returned to Conauto.");
  c.ack_returned = TRUE;
  assert_allowed (&c, 7, 8, GEST_TRAMITE_ACTOR_DEALER);
  c.invoice_delivered = FALSE;
  assert_refused (&c, 7, 8, GEST_TRAMITE_ACTOR_DEALER, "Step 8 needs: the invoice delivered to the customer.");
}

/* Every message lists everything missing, however much that is. */
static void
test_prerequisites_everything_missing (void)
{
  g_autoptr(GPtrArray) needs = gest_tramite_rules_missing_for_step (&empty, 8);

  g_assert_cmpuint (needs->len, ==, 7);
  g_assert_cmpstr (g_ptr_array_index (needs, 0), ==, "the customer’s payment (amount, date and reference)");
  g_assert_cmpstr (g_ptr_array_index (needs, 6), ==, "the acknowledgment returned to Conauto");
  for (int step = 1; step <= 8; step++)
    {
      GestTramiteChecklist c = checklist_for_step (step);
      g_autoptr(GPtrArray) none = gest_tramite_rules_missing_for_step (&c, step);

      g_assert_cmpuint (none->len, ==, 0);
    }
}

static void
test_back_moves (void)
{
  assert_allowed (&empty, 3, 2, GEST_TRAMITE_ACTOR_DEALER);
  assert_allowed (&empty, 2, 1, GEST_TRAMITE_ACTOR_DEALER);
  assert_allowed (&empty, 8, 7, GEST_TRAMITE_ACTOR_DEALER);
  assert_allowed (&empty, 4, 3, GEST_TRAMITE_ACTOR_CONAUTO);
  assert_allowed (&empty, 6, 5, GEST_TRAMITE_ACTOR_CONAUTO);
  /* Nobody takes a trámite from the dealer's step 7 back into Conauto's 6. */
  assert_refused (&full, 7, 6, GEST_TRAMITE_ACTOR_DEALER,
                  "Steps 4 to 6 are Conauto’s: the move from step 7 (Invoice to customer) to step 6 "
                  "(Invoice delivery) arrives through the Conauto sync or Conauto’s signed update file.");
  assert_refused (&full, 7, 6, GEST_TRAMITE_ACTOR_CONAUTO,
                  "Only the dealer moves a trámite from step 7 (Invoice to customer) to step 6 "
                  "(Invoice delivery); Conauto’s updates cover steps 4 to 6.");
}

/* T7: steps 4 to 6 are Conauto's. */
static void
test_conauto_steps (void)
{
  static const int conauto_moves[][2] = { { 3, 4 }, { 4, 5 }, { 5, 6 }, { 4, 3 }, { 5, 4 }, { 6, 5 } };
  static const int dealer_moves[][2] = { { 1, 2 }, { 2, 3 }, { 3, 2 }, { 2, 1 }, { 6, 7 }, { 7, 8 }, { 8, 7 } };

  for (guint i = 0; i < G_N_ELEMENTS (conauto_moves); i++)
    {
      int from = conauto_moves[i][0], to = conauto_moves[i][1];
      GestTramiteChecklist c = checklist_for_step (MAX (from, to));
      g_autofree char *message =
        g_strdup_printf ("Steps 4 to 6 are Conauto’s: the move from step %d (%s) to step %d (%s) arrives "
                         "through the Conauto sync or Conauto’s signed update file.",
                         from, gest_tramite_step_title (from), to, gest_tramite_step_title (to));

      assert_refused (&c, from, to, GEST_TRAMITE_ACTOR_DEALER, message);
      assert_allowed (&c, from, to, GEST_TRAMITE_ACTOR_CONAUTO);
    }
  for (guint i = 0; i < G_N_ELEMENTS (dealer_moves); i++)
    {
      int from = dealer_moves[i][0], to = dealer_moves[i][1];
      GestTramiteChecklist c = checklist_for_step (MAX (from, to));
      g_autofree char *message =
        g_strdup_printf ("Only the dealer moves a trámite from step %d (%s) to step %d (%s); Conauto’s "
                         "updates cover steps 4 to 6.",
                         from, gest_tramite_step_title (from), to, gest_tramite_step_title (to));

      assert_allowed (&c, from, to, GEST_TRAMITE_ACTOR_DEALER);
      assert_refused (&c, from, to, GEST_TRAMITE_ACTOR_CONAUTO, message);
    }
  /* The actor check comes before the prerequisites: a dealer learns who makes the move. */
  assert_refused (&empty, 3, 4, GEST_TRAMITE_ACTOR_DEALER,
                  "Steps 4 to 6 are Conauto’s: the move from step 3 (Documents and payment) to step 4 "
                  "(Deposit verified) arrives through the Conauto sync or Conauto’s signed update file.");
}

static void
assert_item_refused (const GestTramiteChecklist *c,
                     int                         step,
                     GestTramiteItem             item,
                     GestTramiteActor            actor,
                     const char                 *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_tramite_rules_check_item (c, step, item, actor, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_items (void)
{
  GestTramiteChecklist c = empty;
  GestTramiteItem item;

  for (guint i = 0; i < GEST_TRAMITE_N_ITEMS; i++)
    {
      g_assert_true (gest_tramite_item_from_id (gest_tramite_item_id ((GestTramiteItem) i), &item));
      g_assert_cmpint (item, ==, i);
    }
  g_assert_false (gest_tramite_item_from_id ("docs", NULL));
  g_assert_cmpstr (gest_tramite_item_id (GEST_TRAMITE_ITEM_ACK_RETURNED), ==, "ack-returned");

  g_assert_true (gest_tramite_rules_check_item (&c, 2, GEST_TRAMITE_ITEM_DOCS_SENT, GEST_TRAMITE_ACTOR_DEALER, NULL));
  g_assert_true (gest_tramite_rules_check_item (&c, 3, GEST_TRAMITE_ITEM_PAYMENT, GEST_TRAMITE_ACTOR_DEALER, NULL));
  c.docs_sent = TRUE;
  assert_item_refused (&c, 3, GEST_TRAMITE_ITEM_DOCS_SENT, GEST_TRAMITE_ACTOR_DEALER,
                       "The documents were already marked as sent to Conauto.");
  assert_item_refused (&c, 4, GEST_TRAMITE_ITEM_PAYMENT, GEST_TRAMITE_ACTOR_DEALER,
                       "The customer’s payment can only be recorded or corrected up to step 3 (Documents and "
                       "payment): Conauto has already verified the deposit.");

  /* T7: Conauto's items. */
  c = checklist_for_step (4);
  assert_item_refused (&c, 4, GEST_TRAMITE_ITEM_INSURANCE_CANCELLED, GEST_TRAMITE_ACTOR_DEALER,
                       "Only Conauto records “Car insurance cancelled”: it arrives through the Conauto sync or "
                       "Conauto’s signed update file.");
  assert_item_refused (&c, 6, GEST_TRAMITE_ITEM_INVOICE_RELEASED, GEST_TRAMITE_ACTOR_DEALER,
                       "Only Conauto records “Invoice and guarantees released”: it arrives through the Conauto "
                       "sync or Conauto’s signed update file.");
  assert_item_refused (&c, 3, GEST_TRAMITE_ITEM_INSURANCE_CANCELLED, GEST_TRAMITE_ACTOR_CONAUTO,
                       "Recording the car-insurance cancellation needs: the trámite in step 4 (Deposit verified) or later.");
  g_assert_true (gest_tramite_rules_check_item (&c, 4, GEST_TRAMITE_ITEM_INSURANCE_CANCELLED,
                                                GEST_TRAMITE_ACTOR_CONAUTO, NULL));
  assert_item_refused (&c, 4, GEST_TRAMITE_ITEM_INVOICE_RELEASED, GEST_TRAMITE_ACTOR_CONAUTO,
                       "Recording the release of the invoice and guarantees needs: the car-insurance cancellation "
                       "by Conauto; the trámite in step 6 (Invoice delivery) or later.");
  c.insurance_cancelled = TRUE;
  assert_item_refused (&c, 5, GEST_TRAMITE_ITEM_INVOICE_RELEASED, GEST_TRAMITE_ACTOR_CONAUTO,
                       "Recording the release of the invoice and guarantees needs: the trámite in step 6 "
                       "(Invoice delivery) or later.");
  g_assert_true (gest_tramite_rules_check_item (&c, 6, GEST_TRAMITE_ITEM_INVOICE_RELEASED,
                                                GEST_TRAMITE_ACTOR_CONAUTO, NULL));
  assert_item_refused (&c, 5, GEST_TRAMITE_ITEM_INSURANCE_CANCELLED, GEST_TRAMITE_ACTOR_CONAUTO,
                       "The car-insurance cancellation is already recorded.");

  /* The dealer's end: delivery after the release, acknowledgment after the delivery. */
  assert_item_refused (&c, 6, GEST_TRAMITE_ITEM_INVOICE_DELIVERED, GEST_TRAMITE_ACTOR_DEALER,
                       "Recording the invoice delivered to the customer needs: the invoice and guarantees released "
                       "by Conauto; the trámite in step 7 (Invoice to customer) or later.");
  assert_item_refused (&c, 6, GEST_TRAMITE_ITEM_ACK_RETURNED, GEST_TRAMITE_ACTOR_DEALER,
                       "Recording the acknowledgment returned to Conauto needs: the invoice delivered to the customer.");
  c = checklist_for_step (7);
  g_assert_true (gest_tramite_rules_check_item (&c, 7, GEST_TRAMITE_ITEM_INVOICE_DELIVERED,
                                                GEST_TRAMITE_ACTOR_DEALER, NULL));
  c.invoice_delivered = TRUE;
  g_assert_true (gest_tramite_rules_check_item (&c, 7, GEST_TRAMITE_ITEM_ACK_RETURNED,
                                                GEST_TRAMITE_ACTOR_DEALER, NULL));
  assert_item_refused (&c, 7, GEST_TRAMITE_ITEM_INVOICE_DELIVERED, GEST_TRAMITE_ACTOR_DEALER,
                       "The invoice was already marked as delivered to the customer.");
}

/* T3: the amount is more than zero and never includes the life insurance. */
static void
test_amount (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_tramite_rules_check_amount (1, 0, 0, &error));
  g_assert_true (gest_tramite_rules_check_amount (12000000, 12000000, 250000, &error));
  g_assert_true (gest_tramite_rules_check_amount (12250001, 12000000, 250000, &error));
  /* Without life insurance, balance + 0 is the balance: fine. */
  g_assert_true (gest_tramite_rules_check_amount (12000000, 12000000, 0, &error));
  g_assert_no_error (error);

  g_assert_false (gest_tramite_rules_check_amount (0, 12000000, 250000, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The agreed payoff amount must be more than $0.00 (it is $0.00). Write the amount agreed with Conauto.");
  g_clear_error (&error);
  g_assert_false (gest_tramite_rules_check_amount (-100, 12000000, 250000, &error));
  g_assert_cmpstr (error->message, ==,
                   "The agreed payoff amount must be more than $0.00 (it is -$1.00). Write the amount agreed with Conauto.");
  g_clear_error (&error);

  g_assert_false (gest_tramite_rules_check_amount (12250000, 12000000, 250000, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The amount $122,500.00 is the balance $120,000.00 plus the life insurance $2,500.00, but the "
                   "life insurance is never included in the payoff. Write the amount agreed with Conauto without it.");
}

static void
test_agreed_date (void)
{
  g_autoptr(GError) error = NULL;
  GDate today, date;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 3, 2026);
  date = today;
  g_assert_true (gest_tramite_rules_check_agreed_date (&date, &today, &error));
  g_date_add_days (&date, 30);
  g_assert_true (gest_tramite_rules_check_agreed_date (&date, &today, &error));
  g_assert_no_error (error);

  date = today;
  g_date_subtract_days (&date, 1);
  g_assert_false (gest_tramite_rules_check_agreed_date (&date, &today, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The agreed payment date 14/03/2026 has already passed (today is 15/03/2026). Agree a new date "
                   "with Conauto and write it.");
  g_clear_error (&error);

  g_date_clear (&date, 1);
  g_assert_false (gest_tramite_rules_check_agreed_date (&date, &today, &error));
  g_assert_cmpstr (error->message, ==, "Write the payment date agreed with Conauto, as dd/mm/yyyy.");
}

static GestPlanStatement *
make_statement (void)
{
  GestPlanStatement *s = g_new0 (GestPlanStatement, 1);

  s->plan_uuid = g_strdup ("plan-uuid");
  s->plan_number = g_strdup ("PL-0001");
  s->customer_uuid = g_strdup ("customer-uuid");
  s->customer_name = g_strdup ("María Pérez López");
  s->vehicle = g_strdup ("");
  s->balance = 12000000;
  s->overdue = 0;
  s->installment = 150000;
  s->life_insurance = 250000;
  gest_date_today (&s->as_of);
  return s;
}

/* T3: the form's values are immutable and validated without a display. */
static void
test_values (void)
{
  g_autoptr(GestTramiteValues) v0 = gest_tramite_values_new ();
  g_autoptr(GestTramiteValues) v1 = NULL;
  g_autoptr(GestTramiteValues) v2 = NULL;
  g_autoptr(GestTramiteValues) v3 = NULL;
  g_autoptr(GestTramiteValues) v4 = NULL;
  g_autoptr(GestTramiteValues) v5 = NULL;
  g_autoptr(GestPlanStatement) statement = make_statement ();
  g_autoptr(GPtrArray) errors = NULL;
  g_autofree char *note = NULL;
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, 3, 2026);

  errors = gest_tramite_values_validate (v0, &today);
  g_assert_cmpuint (errors->len, ==, 3);
  g_assert_cmpstr (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_PLAN), ==,
                   "Choose the plan to pay off: search for the customer or the plan number.");
  g_assert_cmpstr (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_AMOUNT), ==,
                   "Write the payoff amount agreed with Conauto, without the life insurance.");
  g_assert_cmpstr (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_DATE), ==,
                   "Write the payment date agreed with Conauto, as dd/mm/yyyy.");
  g_assert_null (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_NOTES));
  g_clear_pointer (&errors, g_ptr_array_unref);
  g_assert_null (gest_tramite_values_dup_life_insurance_note (v0));

  v1 = gest_tramite_values_set_statement (v0, statement);
  g_assert_null (v0->statement);   /* the setter leaves its argument alone */
  g_assert_nonnull (v1->statement);
  g_assert_true (v1->statement != statement);
  note = gest_tramite_values_dup_life_insurance_note (v1);
  g_assert_cmpstr (note, ==, "Life insurance of $2,500.00 is not included in the payoff amount.");

  /* T3: balance + life insurance is refused in the form too. */
  v2 = gest_tramite_values_set_amount_text (v1, "$122,500.00");
  g_assert_cmpstr (v1->amount_text, ==, "");
  v3 = gest_tramite_values_set_date_text (v2, "14/03/2026");
  errors = gest_tramite_values_validate (v3, &today);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_cmpstr (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_AMOUNT), ==,
                   "The amount $122,500.00 is the balance $120,000.00 plus the life insurance $2,500.00, but the "
                   "life insurance is never included in the payoff. Write the amount agreed with Conauto without it.");
  g_assert_cmpstr (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_DATE), ==,
                   "The agreed payment date 14/03/2026 has already passed (today is 15/03/2026). Agree a new date "
                   "with Conauto and write it.");
  g_clear_pointer (&errors, g_ptr_array_unref);

  g_clear_pointer (&v2, gest_tramite_values_free);
  g_clear_pointer (&v3, gest_tramite_values_free);
  v2 = gest_tramite_values_set_amount_text (v1, "12,0.00");
  v3 = gest_tramite_values_set_date_text (v2, "31/02/2026");
  errors = gest_tramite_values_validate (v3, &today);
  g_assert_cmpuint (errors->len, ==, 2);
  g_assert_nonnull (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_AMOUNT));
  g_assert_nonnull (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_DATE));
  g_clear_pointer (&errors, g_ptr_array_unref);

  g_clear_pointer (&v2, gest_tramite_values_free);
  g_clear_pointer (&v3, gest_tramite_values_free);
  v2 = gest_tramite_values_set_amount_text (v1, " $120,000.00 ");
  v3 = gest_tramite_values_set_date_text (v2, "15/03/2026");
  errors = gest_tramite_values_validate (v3, &today);
  g_assert_cmpuint (errors->len, ==, 0);
  g_clear_pointer (&errors, g_ptr_array_unref);

  {
    g_autoptr(GString) long_notes = g_string_new (NULL);

    for (int i = 0; i < 2001; i++)
      g_string_append (long_notes, "ñ");
    v4 = gest_tramite_values_set_notes (v3, long_notes->str);
  }
  errors = gest_tramite_values_validate (v4, &today);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_cmpstr (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_NOTES), ==,
                   "The notes are too long (2001 characters). Keep them under 2000 characters; add more later as "
                   "timeline notes.");
  g_clear_pointer (&errors, g_ptr_array_unref);

  /* Clearing the plan brings its error back. */
  v5 = gest_tramite_values_set_statement (v3, NULL);
  errors = gest_tramite_values_validate (v5, &today);
  g_assert_cmpuint (errors->len, ==, 1);
  g_assert_nonnull (gest_field_errors_lookup (errors, GEST_TRAMITE_FIELD_PLAN));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tramite-rules/T6/step-titles", test_step_titles);
  g_test_add_func ("/tramite-rules/T6/invalid-steps", test_invalid_steps);
  g_test_add_func ("/tramite-rules/T6/one-step-at-a-time", test_one_step_at_a_time);
  g_test_add_func ("/tramite-rules/T6/prerequisites/steps-2-3", test_prerequisites_early_steps);
  g_test_add_func ("/tramite-rules/T6/prerequisites/step-4", test_prerequisites_step_4);
  g_test_add_func ("/tramite-rules/T6/prerequisites/steps-5-7", test_prerequisites_steps_5_to_7);
  g_test_add_func ("/tramite-rules/T6/prerequisites/step-8", test_prerequisites_step_8);
  g_test_add_func ("/tramite-rules/T6/prerequisites/everything-missing", test_prerequisites_everything_missing);
  g_test_add_func ("/tramite-rules/T6/back-moves", test_back_moves);
  g_test_add_func ("/tramite-rules/T7/conauto-steps", test_conauto_steps);
  g_test_add_func ("/tramite-rules/T5-T7/checklist-items", test_items);
  g_test_add_func ("/tramite-rules/T3/amount", test_amount);
  g_test_add_func ("/tramite-rules/T3/agreed-date", test_agreed_date);
  g_test_add_func ("/tramite-rules/T3/form-values", test_values);

  return g_test_run ();
}
