/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S11 (#15): a customer's billing data for a CFDI 4.0 invoice. The billing form's pure rules
 * (the combos offer only the SAT's allowed regimes and uses, a change of kind drops what it no
 * longer allows, a message only once its row was left), the save (the receiver check, the
 * RFC of another customer refused, the activity entry, the two new columns in the sync
 * outbox), the check a reservation that needs an invoice makes, and the customer editor's
 * fiscal fields (optional, but consistent with the RFC's kind). */
#include "config.h"

#include <locale.h>

#include "gest-customer-billing.h"
#include "gest-customer-edit.h"
#include "gest-domain-module.h"
#include "gest-test-util.h"

typedef struct
{
  char      *dir;
  GestStore *store;
} Fixture;

static void
exec (GestStore  *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static char *
query_text (GestStore  *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  gest_domain_modules_init ();
  f->dir = gest_test_tmpdir_new ();
  path = g_build_filename (f->dir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  exec (f->store,
        "INSERT INTO customers (uuid, name, rfc, postal_code, fiscal_postal_code, email, updated_at) VALUES"
        " ('cust-1', 'Juan Pérez López', '', '06600', '06600', 'juan@example.com', 10),"
        " ('cust-2', 'Denise Gómez', 'GODE561231GR8', '44100', '44100', '', 10);");
  gest_test_sign_in (f->store, GEST_ROLE_SERVICE_COORDINATOR);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->store);
  gest_test_tmpdir_free (f->dir);
}

static GestBillingValues *
values_of (GestTaxpayerKind  kind,
           const char       *rfc,
           const char       *name,
           const char       *postal_code,
           const char       *regime,
           const char       *use,
           const char       *email)
{
  GestBillingValues *values = gest_billing_values_new ();

  values->kind = kind;
  g_free (values->rfc), values->rfc = g_strdup (rfc);
  g_free (values->name), values->name = g_strdup (name);
  g_free (values->postal_code), values->postal_code = g_strdup (postal_code);
  g_free (values->regime), values->regime = g_strdup (regime);
  g_free (values->use), values->use = g_strdup (use);
  g_free (values->email), values->email = g_strdup (email);
  return values;
}

static void
test_state_combos (void)
{
  g_autoptr(GestBillingValues) person = gest_billing_values_new ();
  g_autoptr(GestBillingValues) wages = gest_billing_values_set (person, GEST_BILLING_FIELD_REGIME, "605");
  g_autoptr(GestBillingValues) payroll = gest_billing_values_set (wages, GEST_BILLING_FIELD_USE, "CN01");
  g_autoptr(GestBillingValues) company = gest_billing_values_set (payroll, GEST_BILLING_FIELD_KIND, "moral");
  g_autoptr(GestBillingState) person_state = gest_billing_state_from_values (person, 0);
  g_autoptr(GestBillingState) wages_state = gest_billing_state_from_values (wages, 0);
  g_autoptr(GestBillingState) company_state = gest_billing_state_from_values (company, 0);
  g_autofree char *person_regimes = g_strjoinv (" ", person_state->regimes);
  g_autofree char *wages_uses = g_strjoinv (" ", wages_state->uses);
  g_autofree char *company_regimes = g_strjoinv (" ", company_state->regimes);
  g_autofree char *company_uses = g_strjoinv (" ", company_state->uses);

  /* The setters leave the old values as they were. */
  g_assert_cmpstr (person->regime, ==, "");
  g_assert_cmpstr (payroll->use, ==, "CN01");
  g_assert_cmpstr (person_regimes, ==, "605 606 607 608 610 611 612 614 615 616 621 625 626 629 630");
  g_assert_cmpstr (wages_uses, ==, "D01 D02 D03 D04 D05 D06 D07 D08 D09 D10 S01 CP01 CN01");
  /* A company: 605 is no company's regime, so it goes, and the use it allowed with it. */
  g_assert_cmpint (company->kind, ==, GEST_TAXPAYER_COMPANY);
  g_assert_cmpstr (company->regime, ==, "");
  g_assert_cmpstr (company->use, ==, "");
  g_assert_cmpstr (company_regimes, ==, "601 603 610 620 622 623 624 626 628");
  g_assert_cmpstr (company_uses, ==, "G01 G02 G03 I01 I02 I03 I04 I05 I06 I07 I08 S01 CP01");
  g_assert_false (person_state->complete);
}

static void
test_state_messages_once_left (void)
{
  g_autoptr(GestBillingValues) values = values_of (GEST_TAXPAYER_PERSON, "MAB9307148T4", "MABE", "64000",
                                                   "", "", "");
  g_autoptr(GestBillingState) untouched = gest_billing_state_from_values (values, 0);
  g_autoptr(GestBillingState) left_rfc = gest_billing_state_from_values (values, 1u << GEST_BILLING_FIELD_RFC);
  g_autoptr(GestBillingValues) fixed = gest_billing_values_set (values, GEST_BILLING_FIELD_KIND, "moral");
  g_autoptr(GestBillingValues) regime = gest_billing_values_set (fixed, GEST_BILLING_FIELD_REGIME, "601");
  g_autoptr(GestBillingValues) use = gest_billing_values_set (regime, GEST_BILLING_FIELD_USE, "G03");
  g_autoptr(GestBillingState) complete = gest_billing_state_from_values (use, G_MAXUINT32);

  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    g_assert_null (untouched->errors[i]);
  g_assert_cmpstr (left_rfc->errors[GEST_BILLING_FIELD_RFC], ==,
                   "The RFC MAB9307148T4 has 12 characters, the RFC of a company (persona moral), but the customer is "
                   "marked as an individual (persona física): correct the RFC or the kind of taxpayer.");
  g_assert_true (complete->complete);
  for (guint i = 0; i < GEST_N_BILLING_FIELDS; i++)
    g_assert_null (complete->errors[i]);
  g_assert_cmpint (gest_billing_field_from_name ("postal_code"), ==, GEST_BILLING_FIELD_POSTAL_CODE);
  g_assert_cmpint (gest_billing_field_from_name ("nope"), ==, GEST_N_BILLING_FIELDS);
}

static void
test_save_and_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestBillingValues) values = values_of (GEST_TAXPAYER_COMPANY, "mab-930714-8t4", " MABE ", "64000",
                                                   "601", "G03", " Facturas@Mabe.MX ");
  g_autoptr(GestBillingValues) loaded = NULL;
  g_autofree char *row = NULL;
  g_autofree char *outbox = NULL;
  g_autofree char *log = NULL;
  GestBillingField field = 0;

  g_assert_true (gest_customer_billing_save (f->store, "cust-1", values, &field, &error));
  g_assert_no_error (error);
  g_assert_cmpint (field, ==, GEST_N_BILLING_FIELDS);
  row = query_text (f->store, "SELECT kind || '|' || rfc || '|' || name || '|' || fiscal_postal_code || '|' ||"
                              " fiscal_regime || '|' || cfdi_use || '|' || email FROM customers WHERE uuid = 'cust-1'");
  g_assert_cmpstr (row, ==, "moral|MAB9307148T4|MABE|64000|601|G03|facturas@mabe.mx");
  loaded = gest_customer_billing_load (f->store, "cust-1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->kind, ==, GEST_TAXPAYER_COMPANY);
  g_assert_cmpstr (loaded->regime, ==, "601");
  g_assert_cmpstr (loaded->use, ==, "G03");
  g_assert_true (gest_customer_billing_check (f->store, "cust-1", &error));
  g_assert_no_error (error);
  /* The new columns reach the server. */
  outbox = query_text (f->store, "SELECT json_extract (fields, '$.fiscal_regime') || '|' ||"
                                 " json_extract (fields, '$.cfdi_use') FROM sync_outbox"
                                 " WHERE entity = 'customer' AND uuid = 'cust-1' ORDER BY n DESC LIMIT 1");
  g_assert_cmpstr (outbox, ==, "601|G03");
  log = query_text (f->store, "SELECT text FROM activity WHERE record_uuid = 'cust-1' ORDER BY seq DESC LIMIT 1");
  g_assert_cmpstr (log, ==, "Billing data changed: kind of taxpayer, RFC, name as registered with the SAT, "
                            "fiscal postal code, fiscal regime, CFDI use, email.");
}

static void
test_save_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestBillingValues) bad = values_of (GEST_TAXPAYER_PERSON, "GODE561231GR8", "DENISE GOMEZ", "06600",
                                                "612", "D01x", "");
  g_autoptr(GestBillingValues) taken = values_of (GEST_TAXPAYER_PERSON, "GODE561231GR8", "DENISE GOMEZ", "06600",
                                                  "612", "G03", "");
  GestBillingField field = GEST_N_BILLING_FIELDS;

  g_assert_false (gest_customer_billing_save (f->store, "cust-1", bad, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpint (field, ==, GEST_BILLING_FIELD_USE);
  g_clear_error (&error);
  g_assert_false (gest_customer_billing_save (f->store, "cust-1", taken, &field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "The RFC GODE561231GR8 is already the RFC of Denise Gómez. Open that customer "
                                       "instead, or merge the two customers if they are the same person.");
  g_assert_cmpint (field, ==, GEST_BILLING_FIELD_RFC);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count (*) FROM customers WHERE fiscal_regime <> ''"), ==, 0);
}

static void
test_check_for_invoice (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (gest_customer_billing_check (f->store, "cust-2", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The billing data of Denise Gómez is not ready for an invoice: Choose the "
                                       "customer’s fiscal regime, as on their tax status certificate.");
  g_clear_error (&error);
  g_assert_false (gest_customer_billing_check (f->store, NULL, &error));
  g_assert_cmpstr (error->message, ==, "An invoice needs a customer with billing data: choose the customer first.");
}

static void
test_customer_editor_fields (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestCustomerValues) values = gest_customer_load (f->store, "cust-2", &error);
  g_autofree char *problem = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *row = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gest_customer_values_get (values, GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE), ==, "44100");
  /* Optional, but a company's regime does not fit a person's RFC. */
  g_assert_null (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_FISCAL_REGIME));
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_FISCAL_REGIME, "601");
  problem = gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_FISCAL_REGIME);
  g_assert_cmpstr (problem, ==, "The fiscal regime “601 General regime for companies” is not for an individual "
                                "(persona física): choose one the SAT allows for an individual (persona física).");
  g_clear_pointer (&problem, g_free);
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_FISCAL_REGIME, "612");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_CFDI_USE, "CN01");
  problem = gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_CFDI_USE);
  g_assert_cmpstr (problem, ==, "The CFDI use “CN01 Payroll” is not allowed with the fiscal regime “612 Individuals "
                                "with business and professional activities”: choose a use the list offers for that "
                                "regime.");
  g_clear_pointer (&problem, g_free);
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_CFDI_USE, "G03");
  gest_customer_values_set (values, GEST_CUSTOMER_FIELD_FISCAL_POSTAL_CODE, "");
  g_assert_null (gest_customer_field_problem (values, GEST_CUSTOMER_FIELD_CFDI_USE));
  uuid = gest_customer_save (f->store, values, NULL, &error);
  g_assert_no_error (error);
  /* An empty fiscal postal code is the address's. */
  row = query_text (f->store, "SELECT fiscal_postal_code || '|' || fiscal_regime || '|' || cfdi_use FROM customers"
                              " WHERE uuid = 'cust-2'");
  g_assert_cmpstr (row, ==, "44100|612|G03");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plans/S11/billing-combos-follow-the-kind", test_state_combos);
  g_test_add_func ("/plans/S11/billing-messages-once-left", test_state_messages_once_left);
#define ADD(path, func) g_test_add (path, Fixture, NULL, setup, func, teardown)
  ADD ("/plans/S11/billing-save-load-sync", test_save_and_load);
  ADD ("/plans/S11/billing-save-refused", test_save_refused);
  ADD ("/plans/S11/billing-check-for-invoice", test_check_for_invoice);
  ADD ("/plans/S11/customer-editor-fiscal-fields", test_customer_editor_fields);
#undef ADD

  return g_test_run ();
}
