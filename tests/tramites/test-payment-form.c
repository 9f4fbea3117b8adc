/* SPDX-License-Identifier: GPL-3.0-or-later */
/* T5: the customer's payment form without a display: its values (pure setters) and the
 * widget state computed from them (gest_tramite_payment_widget_state_from_values): which
 * fields are in error and with which words, what is sensitive, whether Record can be pressed
 * and why not. */

#include "config.h"

#include <locale.h>

#include "gest-date.h"
#include "gest-tramite-values.h"

#define MSG_AMOUNT_ZERO "The payment amount must be more than $0.00 (it is $0.00). Write what the customer paid."
#define MSG_DATE_EMPTY "Write the date of the customer’s payment, as dd/mm/yyyy."
#define MSG_REFERENCE "Write the payment reference (the deposit or transfer reference on the customer’s receipt)."
#define MSG_AFTER_STEP_3 "The customer’s payment can only be recorded or corrected up to step 3 (Documents and payment): Conauto has already verified the deposit."


static GDate today;

/* A trámite at @step: all the values need of it. */
static GestTramitePaymentValues *
values_at_step (int step)
{
  GestTramite tramite = { 0 };
  g_autoptr(GestTramitePaymentValues) empty = gest_tramite_payment_values_new ();

  tramite.step = step;
  return gest_tramite_payment_values_set_tramite (empty, &tramite);
}

/* @values with its three fields replaced, and errors shown (the user pressed Record). */
static GestTramitePaymentValues *
filled (const GestTramitePaymentValues *values,
        const char                     *amount,
        const char                     *date,
        const char                     *reference)
{
  g_autoptr(GestTramitePaymentValues) a = gest_tramite_payment_values_set_amount_text (values, amount);
  g_autoptr(GestTramitePaymentValues) b = gest_tramite_payment_values_set_date_text (a, date);
  g_autoptr(GestTramitePaymentValues) c = gest_tramite_payment_values_set_reference (b, reference);

  return gest_tramite_payment_values_set_show_errors (c, TRUE);
}

static GestTramitePaymentState *
state_of (const char *amount,
          const char *date,
          const char *reference)
{
  g_autoptr(GestTramitePaymentValues) at_3 = values_at_step (3);
  g_autoptr(GestTramitePaymentValues) values = filled (at_3, amount, date, reference);

  return gest_tramite_payment_widget_state_from_values (values, &today);
}

static char *
date_from_today (int days)
{
  GDate date = today;

  if (days >= 0)
    g_date_add_days (&date, (guint) days);
  else
    g_date_subtract_days (&date, (guint) -days);
  return gest_date_format (&date);
}

/* The setters leave their argument alone. */
static void
test_setters_are_pure (void)
{
  g_autoptr(GestTramitePaymentValues) empty = gest_tramite_payment_values_new ();
  g_autoptr(GestTramitePaymentValues) a = gest_tramite_payment_values_set_amount_text (empty, "118,750.50");
  g_autoptr(GestTramitePaymentValues) b = gest_tramite_payment_values_set_date_text (a, "01/03/2026");
  g_autoptr(GestTramitePaymentValues) c = gest_tramite_payment_values_set_reference (b, "DEP-1");
  g_autoptr(GestTramitePaymentValues) d = gest_tramite_payment_values_set_proof (c, "doc-1");
  g_autoptr(GestTramitePaymentValues) e = gest_tramite_payment_values_set_n_proofs (d, 2);
  g_autoptr(GestTramitePaymentValues) f = gest_tramite_payment_values_set_refusal (e, "Refused.");
  g_autoptr(GestTramitePaymentValues) g = gest_tramite_payment_values_set_saving (f, TRUE);
  g_autoptr(GestTramitePaymentValues) h = gest_tramite_payment_values_set_proof (g, NULL);

  g_assert_cmpstr (empty->amount_text, ==, "");
  g_assert_cmpstr (empty->date_text, ==, "");
  g_assert_cmpstr (empty->reference, ==, "");
  g_assert_null (empty->proof_uuid);
  g_assert_false (empty->has_tramite);
  g_assert_false (empty->show_errors);
  g_assert_cmpstr (a->amount_text, ==, "118,750.50");
  g_assert_cmpstr (a->date_text, ==, "");
  g_assert_cmpstr (b->date_text, ==, "01/03/2026");
  g_assert_cmpstr (b->reference, ==, "");
  g_assert_cmpstr (c->reference, ==, "DEP-1");
  g_assert_null (c->proof_uuid);
  g_assert_cmpstr (d->proof_uuid, ==, "doc-1");
  g_assert_cmpuint (d->n_proofs, ==, 0);
  g_assert_cmpuint (e->n_proofs, ==, 2);
  g_assert_null (e->refusal);
  g_assert_cmpstr (f->refusal, ==, "Refused.");
  g_assert_false (f->saving);
  /* Starting a save forgets the last refusal. */
  g_assert_true (g->saving);
  g_assert_null (g->refusal);
  g_assert_cmpstr (g->proof_uuid, ==, "doc-1");
  g_assert_null (h->proof_uuid);
  g_assert_cmpstr (h->amount_text, ==, "118,750.50");

  {
    g_autoptr(GestTramitePaymentValues) at_4 = values_at_step (4);
    g_autoptr(GestTramitePaymentValues) none = gest_tramite_payment_values_set_tramite (at_4, NULL);

    g_assert_true (at_4->has_tramite);
    g_assert_cmpint (at_4->step, ==, 4);
    g_assert_false (none->has_tramite);
  }
}

/* Before the first try nothing is in error, though the form cannot be saved yet. */
static void
test_errors_wait_for_a_try (void)
{
  g_autoptr(GestTramitePaymentValues) at_3 = values_at_step (3);
  g_autoptr(GestTramitePaymentState) state = gest_tramite_payment_widget_state_from_values (at_3, &today);
  g_autoptr(GestTramitePaymentValues) tried = gest_tramite_payment_values_set_show_errors (at_3, TRUE);
  g_autoptr(GestTramitePaymentState) shown = gest_tramite_payment_widget_state_from_values (tried, &today);

  for (guint i = 0; i < GEST_TRAMITE_PAYMENT_N_FIELDS; i++)
    g_assert_null (state->errors[i]);
  g_assert_null (gest_tramite_payment_state_get_first_error (state));
  g_assert_false (state->valid);
  g_assert_true (state->record_sensitive);
  g_assert_true (state->fields_sensitive);
  g_assert_null (state->record_blocked);

  /* After it, every empty field says what to write, in form order. */
  g_assert_cmpstr (shown->errors[GEST_TRAMITE_PAYMENT_AMOUNT], ==, MSG_AMOUNT_ZERO);
  g_assert_cmpstr (shown->errors[GEST_TRAMITE_PAYMENT_DATE], ==, MSG_DATE_EMPTY);
  g_assert_cmpstr (shown->errors[GEST_TRAMITE_PAYMENT_REFERENCE], ==, MSG_REFERENCE);
  g_assert_cmpstr (gest_tramite_payment_state_get_first_error (shown), ==, MSG_AMOUNT_ZERO);
  g_assert_false (shown->valid);
}

static void
test_valid (void)
{
  g_autofree char *today_s = gest_date_format (&today);
  g_autoptr(GestTramitePaymentState) state = state_of ("$118,750.50", today_s, "  DEP-778812 ");

  for (guint i = 0; i < GEST_TRAMITE_PAYMENT_N_FIELDS; i++)
    g_assert_null (state->errors[i]);
  g_assert_true (state->valid);
  g_assert_true (state->record_sensitive);
  g_assert_cmpint (state->amount, ==, 11875050);
  g_assert_cmpint (g_date_compare (&state->date, &today), ==, 0);
  g_assert_cmpstr (state->reference, ==, "DEP-778812");
  g_assert_null (gest_tramite_payment_state_get_first_error (state));
}

/* Amount: more than $0.00; one centavo is enough; text that is not an amount keeps the
 * parser's words. */
static void
test_amount (void)
{
  g_autofree char *today_s = gest_date_format (&today);
  struct {
    const char *text;
    GestMoney   amount;
    const char *message;
  } cases[] = {
    { "0.01", 1, NULL },
    { "1,234.5", 123450, NULL },
    { "", 0, MSG_AMOUNT_ZERO },
    { "   ", 0, MSG_AMOUNT_ZERO },
    { "0", 0, MSG_AMOUNT_ZERO },
    { "$0.00", 0, MSG_AMOUNT_ZERO },
    { "-5", -500, "The payment amount must be more than $0.00 (it is -$5.00). Write what the customer paid." },
    { "12,34", 0, "“12,34” is not an amount. Write it like 1,234.56 or $1,234.56." },
    { "1.234", 0, "“1.234” has more than two decimals. Write the centavos with two digits, like 1,234.56." },
    { "abc", 0, "“abc” is not an amount. Write it like 1,234.56 or $1,234.56." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GestTramitePaymentState) state = state_of (cases[i].text, today_s, "DEP-1");

      g_test_message ("amount “%s”", cases[i].text);
      g_assert_cmpstr (state->errors[GEST_TRAMITE_PAYMENT_AMOUNT], ==, cases[i].message);
      g_assert_true (state->valid == (cases[i].message == NULL));
      if (cases[i].message == NULL || cases[i].amount != 0)
        g_assert_cmpint (state->amount, ==, cases[i].amount);
      g_assert_null (state->errors[GEST_TRAMITE_PAYMENT_DATE]);
    }
}

/* Date: today or earlier; tomorrow is refused; 31/02/2026 is not a date. */
static void
test_date (void)
{
  g_autofree char *today_s = gest_date_format (&today);
  g_autofree char *yesterday_s = date_from_today (-1);
  g_autofree char *tomorrow_s = date_from_today (1);
  g_autofree char *tomorrow_msg = g_strdup_printf ("The payment date %s is in the future. Record the payment once the customer has paid.",
                                                   tomorrow_s);
  struct {
    const char *text;
    const char *message;
  } cases[] = {
    { today_s, NULL },
    { yesterday_s, NULL },
    { "1/3/2020", NULL },
    { tomorrow_s, tomorrow_msg },
    { "", MSG_DATE_EMPTY },
    { "31/02/2026", "“31/02/2026” is not a date: month 2 of 2026 has days 1 to 28. Check the day." },
    { "2026-03-01", "“2026-03-01” is not a date. Write it as dd/mm/yyyy, like 31/01/2026." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GestTramitePaymentState) state = state_of ("100", cases[i].text, "DEP-1");

      g_test_message ("date “%s”", cases[i].text);
      g_assert_cmpstr (state->errors[GEST_TRAMITE_PAYMENT_DATE], ==, cases[i].message);
      g_assert_true (state->valid == (cases[i].message == NULL));
      g_assert_true (g_date_valid (&state->date) == (cases[i].message == NULL || cases[i].message == tomorrow_msg));
    }
}

static void
test_reference (void)
{
  g_autofree char *today_s = gest_date_format (&today);
  g_autoptr(GestTramitePaymentState) blank = state_of ("100", today_s, " \t ");
  g_autoptr(GestTramitePaymentState) one = state_of ("100", today_s, "A");

  g_assert_cmpstr (blank->errors[GEST_TRAMITE_PAYMENT_REFERENCE], ==, MSG_REFERENCE);
  g_assert_cmpstr (gest_tramite_payment_state_get_first_error (blank), ==, MSG_REFERENCE);
  g_assert_false (blank->valid);
  g_assert_null (one->errors[GEST_TRAMITE_PAYMENT_REFERENCE]);
  g_assert_cmpstr (one->reference, ==, "A");
  g_assert_true (one->valid);
}

/* T6: the payment is recorded or corrected up to step 3; after it, Record is off and says why;
 * no trámite, nothing to do; one save at a time. */
static void
test_steps_and_saving (void)
{
  g_autofree char *today_s = gest_date_format (&today);

  for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
    {
      g_autoptr(GestTramitePaymentValues) at = values_at_step (step);
      g_autoptr(GestTramitePaymentValues) values = filled (at, "", "", "");
      g_autoptr(GestTramitePaymentState) state = gest_tramite_payment_widget_state_from_values (values, &today);

      g_test_message ("step %d", step);
      g_assert_true (state->record_sensitive == (step <= 3));
      g_assert_true (state->fields_sensitive == (step <= 3));
      g_assert_cmpstr (state->record_blocked, ==, step <= 3 ? NULL : MSG_AFTER_STEP_3);
      /* A form that cannot be recorded shows no field errors. */
      g_assert_true ((state->errors[GEST_TRAMITE_PAYMENT_AMOUNT] != NULL) == (step <= 3));
    }

  {
    g_autoptr(GestTramitePaymentValues) none = gest_tramite_payment_values_new ();
    g_autoptr(GestTramitePaymentValues) values = filled (none, "100", today_s, "A");
    g_autoptr(GestTramitePaymentState) state = gest_tramite_payment_widget_state_from_values (values, &today);

    g_assert_false (state->record_sensitive);
    g_assert_false (state->fields_sensitive);
    g_assert_null (state->record_blocked);
  }
  {
    g_autoptr(GestTramitePaymentValues) at_3 = values_at_step (3);
    g_autoptr(GestTramitePaymentValues) values = filled (at_3, "100", today_s, "A");
    g_autoptr(GestTramitePaymentValues) saving = gest_tramite_payment_values_set_saving (values, TRUE);
    g_autoptr(GestTramitePaymentState) state = gest_tramite_payment_widget_state_from_values (saving, &today);

    g_assert_false (state->record_sensitive);
    g_assert_true (state->fields_sensitive);
    g_assert_null (state->record_blocked);
    g_assert_true (state->valid);
  }
}

/* The proof can be chosen only when the trámite has one. */
static void
test_proof (void)
{
  g_autoptr(GestTramitePaymentValues) at_3 = values_at_step (3);
  g_autoptr(GestTramitePaymentValues) one = gest_tramite_payment_values_set_n_proofs (at_3, 1);
  g_autoptr(GestTramitePaymentValues) at_4 = values_at_step (4);
  g_autoptr(GestTramitePaymentValues) one_at_4 = gest_tramite_payment_values_set_n_proofs (at_4, 1);
  g_autoptr(GestTramitePaymentState) none_state = gest_tramite_payment_widget_state_from_values (at_3, &today);
  g_autoptr(GestTramitePaymentState) one_state = gest_tramite_payment_widget_state_from_values (one, &today);
  g_autoptr(GestTramitePaymentState) late_state = gest_tramite_payment_widget_state_from_values (one_at_4, &today);

  g_assert_false (none_state->proof_sensitive);
  g_assert_true (one_state->proof_sensitive);
  g_assert_false (late_state->proof_sensitive);
}

/* The model's refusal shows for the whole form, after the fields' errors. */
static void
test_refusal (void)
{
  g_autofree char *today_s = gest_date_format (&today);
  const char *refusal = "“scan.png” is not a payment proof. Choose a document of the kind “Payment proof”, or attach the proof as one.";
  g_autoptr(GestTramitePaymentValues) at_3 = values_at_step (3);
  g_autoptr(GestTramitePaymentValues) good = filled (at_3, "100", today_s, "A");
  g_autoptr(GestTramitePaymentValues) refused = gest_tramite_payment_values_set_refusal (good, refusal);
  g_autoptr(GestTramitePaymentState) state = gest_tramite_payment_widget_state_from_values (refused, &today);
  g_autoptr(GestTramitePaymentValues) bad = gest_tramite_payment_values_set_reference (refused, "");
  g_autoptr(GestTramitePaymentState) bad_state = gest_tramite_payment_widget_state_from_values (bad, &today);

  g_assert_cmpstr (state->refusal, ==, refusal);
  g_assert_cmpstr (gest_tramite_payment_state_get_first_error (state), ==, refusal);
  g_assert_true (state->valid);
  g_assert_cmpstr (gest_tramite_payment_state_get_first_error (bad_state), ==, MSG_REFERENCE);
  g_assert_cmpstr (bad_state->refusal, ==, refusal);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  gest_date_today (&today);

  g_test_add_func ("/tramites/T5/payment-form/setters-are-pure", test_setters_are_pure);
  g_test_add_func ("/tramites/T5/payment-form/errors-wait-for-a-try", test_errors_wait_for_a_try);
  g_test_add_func ("/tramites/T5/payment-form/valid", test_valid);
  g_test_add_func ("/tramites/T5/payment-form/amount", test_amount);
  g_test_add_func ("/tramites/T5/payment-form/date", test_date);
  g_test_add_func ("/tramites/T5/payment-form/reference", test_reference);
  g_test_add_func ("/tramites/T5/T6/payment-form/steps-and-saving", test_steps_and_saving);
  g_test_add_func ("/tramites/T5/payment-form/proof", test_proof);
  g_test_add_func ("/tramites/T5/payment-form/refusal", test_refusal);

  return g_test_run ();
}
