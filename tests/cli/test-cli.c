/* SPDX-License-Identifier: GPL-3.0-or-later */
/* gestiona-cli's own commands, run as a separate process from $GESTIONA_CLI: init (X2),
 * demo, check rfc (S11) and vin (S1), route (T2), verify-log (X5), amounts (X6), usage errors
 * and the dispatch to `tramite`. Exit codes: 0 done, 1 refused or found wrong, 2 bad input,
 * 3 database error. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "gest-activity-log.h"
#include "gest-store.h"
#include "cli-test-util.h"
#include "gest-test-util.h"

static char *
first_line (const char *text)
{
  const char *nl = strchr (text, '\n');

  return nl != NULL ? g_strndup (text, nl - text) : g_strdup (text);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” does not contain “%s”", haystack, needle);
}

static GestStore *
open_store (CliFixture *f)
{
  g_autoptr(GError) error = NULL;
  GestStore *store = gest_store_open (f->db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Usage */

static void
test_help (CliFixture       *f,
           gconstpointer  data)
{
  const char *commands[] = { "init", "demo --scale N", "check rfc VALUE", "check vin VALUE",
                             "route --debt AMOUNT --installment AMOUNT", "verify-log", "tramite",
                             "--db PATH" };

  g_assert_cmpint (cli_run (f, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_contains (f->out, commands[i]);
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_usage_errors (CliFixture       *f,
                   gconstpointer  data)
{
  {
    const char *none[] = { NULL };

    g_clear_pointer (&f->out, g_free);
    g_clear_pointer (&f->err, g_free);
    g_assert_cmpint (gest_test_run_cli (none, &f->out, &f->err), ==, 2);
  }
  assert_contains (f->err, "A command is missing.");
  assert_contains (f->err, "gestiona-cli --help");
  g_assert_cmpstr (f->out, ==, "");

  g_assert_cmpint (cli_run (f, "frobnicate", NULL), ==, 2);
  assert_contains (f->err, "“frobnicate” is not a command.");
  assert_contains (f->err, "gestiona-cli --help");

  g_assert_cmpint (cli_run (f, "--frob", "init", NULL), ==, 2);
  assert_contains (f->err, "“--frob” is not an option.");

  g_assert_cmpint (cli_run (f, "--db", NULL), ==, 2);
  assert_contains (f->err, "--db needs the path of a database file.");

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", "extra", NULL), ==, 2);
  assert_contains (f->err, "init takes no arguments.");
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));

  g_assert_cmpint (cli_run (f, "route", "--debt", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "route", "--debt", "100", NULL), ==, 2);
  assert_contains (f->err, "route needs --debt AMOUNT and --installment AMOUNT.");
  g_assert_cmpint (cli_run (f, "route", "--debt", "100", "--installment", "50", "extra", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "route", "--bogus", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "check", "rfc", NULL), ==, 2);
  assert_contains (f->err, "Usage: gestiona-cli check rfc|vin VALUE");
  g_assert_cmpint (cli_run (f, "check", "curp", "GODE561231GR8", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "check", "rfc", "A", "B", NULL), ==, 2);
}

/* X2: init */

static void
test_init (CliFixture       *f,
           gconstpointer  data)
{
  g_autofree char *created = g_strdup_printf ("Created %s with schema version %d.\n",
                                              f->db, gest_store_latest_schema_version ());
  g_autofree char *current = g_strdup_printf ("%s is up to date: schema version %d.\n",
                                              f->db, gest_store_latest_schema_version ());

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, created);
  g_assert_true (g_file_test (f->db, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, current);
}

static void
test_init_migrates (CliFixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestStore) store = NULL;
  g_autofree char *updated = g_strdup_printf ("Updated %s from schema version 0 to %d.\n",
                                              f->db, gest_store_latest_schema_version ());

  /* An empty file is an SQLite database at schema version 0. */
  g_file_set_contents (f->db, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cli_run (f, "--db=", NULL), ==, 2);
  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, updated);

  store = open_store (f);
  g_assert_cmpint (gest_store_get_schema_version (store), ==, gest_store_latest_schema_version ());
}

static void
test_init_newer_refused (CliFixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (f->db, "-wal", NULL);
  g_autofree char *sql = NULL;
  gsize before_len, after_len;
  sqlite3 *db = NULL;
  int newer = gest_store_latest_schema_version () + 5;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('kept');"
                         "PRAGMA user_version = %d;", newer);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_file_get_contents (f->db, &before, &before_len, &error);
  g_assert_no_error (error);

  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 3);
  g_assert_true (g_str_has_prefix (f->err, "gestiona-cli: "));
  assert_contains (f->err, "newer version of Gestiona");
  {
    g_autofree char *schema = g_strdup_printf ("(schema %d;", newer);

    assert_contains (f->err, schema);
  }
  g_assert_cmpstr (f->out, ==, "");

  g_file_get_contents (f->db, &after, &after_len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after_len, ==, before_len);
  g_assert_true (memcmp (before, after, before_len) == 0);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Demo */

static void
test_demo (CliFixture       *f,
           gconstpointer  data)
{
  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", NULL), ==, 2);
  assert_contains (f->err, "demo needs --scale N");
  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "0", NULL), ==, 2);
  assert_contains (f->err, "--scale needs a whole number from 1 to");
  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "abc", NULL), ==, 2);
  assert_contains (f->err, "not “abc”");
  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "10", "--seed", "-1", NULL), ==, 2);
  assert_contains (f->err, "--seed needs a whole number");

  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "40", "--seed", "7", NULL), ==, 0);
  /* One customer and vehicle per plan, and since issue 14 the owners and vehicles of the
   * campaigns' VIN lists beside them (a thousand at least, whatever the scale). */
  assert_contains (f->out, "Customers: 2168\n");
  assert_contains (f->out, "Vehicles: 2168\n");
  assert_contains (f->out, "Plans: 40\n");
  assert_contains (f->out, "Trámites: ");
  assert_contains (f->out, "Seed: 7\n");
  assert_contains (f->out, "Time: ");

  /* A second fill of a non-empty database is refused by the store, and writes nothing. */
  g_assert_cmpint (cli_run (f, "--db", f->db, "demo", "--scale", "5", NULL), !=, 0);
  g_assert_true (g_str_has_prefix (f->err, "gestiona-cli: "));
  {
    g_autoptr(GestStore) store = open_store (f);
    g_autoptr(GError) error = NULL;
    sqlite3_stmt *stmt = gest_store_prepare (store, "SELECT count(*) FROM customers", &error);

    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2168);   /* unchanged by the refused second fill */
    sqlite3_finalize (stmt);
  }

  /* The dispatch to `tramite` works on the same database. */
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "list", "--count", NULL), ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (f->out, "\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 9);   /* 8 steps and the final empty piece */
    g_assert_true (g_str_has_prefix (lines[0], "1\t"));
  }
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "--help", NULL), ==, 0);
  assert_contains (f->out, "new --plan NUMBER --amount AMOUNT --date DD/MM/YYYY");
  g_assert_cmpint (cli_run (f, "--db", f->db, "tramite", "frob", NULL), ==, 2);
  assert_contains (f->err, "“frob” is not a tramite command.");
}

/* S11 and S1: check */

static void
assert_check (CliFixture    *f,
              const char *kind,
              const char *value,
              int         status,
              const char *line)
{
  g_autofree char *first = NULL;

  g_assert_cmpint (cli_run (f, "check", kind, value, NULL), ==, status);
  first = first_line (f->out);
  g_assert_cmpstr (first, ==, line);
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_check_rfc (CliFixture       *f,
                gconstpointer  data)
{
  assert_check (f, "rfc", "GODE561231GR8", 0, "valid");
  assert_check (f, "rfc", "gode-561231-gr8", 0, "valid");
  assert_check (f, "rfc", "MAB9307148T4", 0, "valid");
  assert_check (f, "rfc", "GODE561231GR9", 0,
                "warning: The check digit of “GODE561231GR9” should be “8”, not “9”. Compare the RFC "
                "with the customer’s tax certificate (constancia de situación fiscal).");
  assert_check (f, "rfc", "GODE560231GR8", 1,
                "invalid: “GODE560231GR8” is not an RFC: 560231 is not a valid date as yymmdd. "
                "Check the date of birth or of incorporation.");
  assert_check (f, "rfc", "", 1,
                "invalid: The RFC is empty. Write its 12 characters (company) or 13 (person), like GODE561231GR8.");
}

static void
test_check_vin (CliFixture       *f,
                gconstpointer  data)
{
  g_autofree char *first = NULL;

  assert_check (f, "vin", "1M8GDM9AXKP042788", 0, "valid");
  assert_check (f, "vin", "JN1DA31D63T505967", 0, "valid");
  assert_check (f, "vin", "JN1DA31D73T505967", 0,
                "warning: The check digit of “JN1DA31D73T505967” (position 9) should be “6”, not “7”. "
                "Compare the VIN with the vehicle’s invoice.");
  assert_check (f, "vin", "", 1,
                "invalid: The VIN is empty. Write its 17 characters as they appear on the invoice or the vehicle.");

  g_assert_cmpint (cli_run (f, "check", "vin", "JN1DA31D63T5O5967", NULL), ==, 1);
  first = first_line (f->out);
  g_assert_true (g_str_has_prefix (first, "invalid: "));
  assert_contains (first, "I, O or Q");
  g_assert_cmpint (cli_run (f, "check", "vin", "JN1DA31D63T50596", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->out, "invalid: "));
}

/* T2: route */

static void
assert_route (CliFixture    *f,
              const char *db,
              const char *debt,
              const char *installment,
              const char *area,
              const char *reason)
{
  g_auto(GStrv) lines = NULL;
  int status;

  if (db != NULL)
    status = cli_run (f, "--db", db, "route", "--debt", debt, "--installment", installment, NULL);
  else
    status = cli_run (f, "route", "--debt", debt, "--installment", installment, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (f->err, ==, "");
  lines = g_strsplit (f->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  g_assert_cmpstr (lines[0], ==, area);
  g_assert_cmpstr (lines[1], ==, reason);
  g_assert_true (g_str_has_prefix (lines[2], "Call: "));
}

static void
test_route_boundaries (CliFixture       *f,
                       gconstpointer  data)
{
  /* debt ≤ $500.00 → customer service, even when it is many installments (T2's order). */
  assert_route (f, NULL, "0", "1,000.00", "atencion-clientes", "Debt of $0.00 ≤ $500.00");
  assert_route (f, NULL, "500.00", "1,000.00", "atencion-clientes", "Debt of $500.00 ≤ $500.00");
  assert_route (f, NULL, "$500", "100", "atencion-clientes", "Debt of $500.00 ≤ $500.00");
  /* One centavo above: early collections while below 2 installments. */
  assert_route (f, NULL, "500.01", "1000", "cobranza-temprana",
                "Debt of $500.01 is above $500.00 and below 2 installments of $1,000.00");
  assert_route (f, NULL, "1,999.99", "$1,000.00", "cobranza-temprana",
                "Debt of $1,999.99 is above $500.00 and below 2 installments of $1,000.00");
  /* Exactly 2 installments: extrajudicial. */
  assert_route (f, NULL, "$2,000.00", "1000.00", "cobranza-extrajudicial",
                "Debt of $2,000.00 ≥ 2 installments of $1,000.00");
  assert_route (f, NULL, "500.01", "250.00", "cobranza-extrajudicial",
                "Debt of $500.01 ≥ 2 installments of $250.00");
  assert_route (f, NULL, "1234.5", "617.25", "cobranza-extrajudicial",
                "Debt of $1,234.50 ≥ 2 installments of $617.25");
  assert_route (f, NULL, "1234.5", "617.26", "cobranza-temprana",
                "Debt of $1,234.50 is above $500.00 and below 2 installments of $617.26");
}

static void
test_route_db_settings (CliFixture       *f,
                        gconstpointer  data)
{
  g_auto(GestRoutingSettings) settings = { 0 };
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GestStore) store = open_store (f);

    gest_store_load_routing_settings (store, &settings);
    settings.low_debt_limit = 100000;   /* $1,000.00 */
    settings.installments_limit = 3;
    g_free (settings.areas[GEST_AREA_EXTRAJUDICIAL].phones);
    settings.areas[GEST_AREA_EXTRAJUDICIAL].phones = g_strdup ("55 1234 5678");
    g_assert_true (gest_store_save_routing_settings (store, &settings, &error));
    g_assert_no_error (error);
  }

  /* Under the defaults $600 is early collections; with this database's limit it is not. */
  assert_route (f, NULL, "600", "1000", "cobranza-temprana",
                "Debt of $600.00 is above $500.00 and below 2 installments of $1,000.00");
  assert_route (f, f->db, "600", "1000", "atencion-clientes", "Debt of $600.00 ≤ $1,000.00");
  assert_route (f, f->db, "1,000.01", "500", "cobranza-temprana",
                "Debt of $1,000.01 is above $1,000.00 and below 3 installments of $500.00");
  assert_route (f, f->db, "1,500.00", "500", "cobranza-extrajudicial",
                "Debt of $1,500.00 ≥ 3 installments of $500.00");
  assert_contains (f->out, "(55 1234 5678)");
}

static void
test_route_refused (CliFixture       *f,
                    gconstpointer  data)
{
  g_assert_cmpint (cli_run (f, "route", "--debt", "-1.00", "--installment", "100", NULL), ==, 2);
  assert_contains (f->err, "The debt cannot be negative (-$1.00).");
  g_assert_cmpstr (f->out, ==, "");
  g_assert_cmpint (cli_run (f, "route", "--debt", "100", "--installment", "0", NULL), ==, 2);
  assert_contains (f->err, "The monthly installment must be more than $0.00 (it is $0.00).");
  g_assert_cmpstr (f->out, ==, "");
}

/* X6: amounts */

static void
test_bad_amounts (CliFixture       *f,
                  gconstpointer  data)
{
  const struct { const char *text; const char *message; } cases[] = {
    { "12.345", "“12.345” has more than two decimals. Write the centavos with two digits, like 1,234.56." },
    { "abc", "“abc” is not an amount. Write it like 1,234.56 or $1,234.56." },
    { "$-", "“$-” is not an amount. Write it like 1,234.56 or $1,234.56." },
    { "1,23.00", "“1,23.00” is not an amount. Write it like 1,234.56 or $1,234.56." },
    { "", "The amount is empty. Write it like 1,234.56 or $1,234.56." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *debt_error = g_strdup_printf ("gestiona-cli: --debt: %s\n", cases[i].message);
      g_autofree char *installment_error = g_strdup_printf ("gestiona-cli: --installment: %s\n", cases[i].message);

      g_assert_cmpint (cli_run (f, "route", "--debt", cases[i].text, "--installment", "1,000.00", NULL), ==, 2);
      g_assert_cmpstr (f->err, ==, debt_error);
      g_assert_cmpstr (f->out, ==, "");

      g_assert_cmpint (cli_run (f, "route", "--debt", "1000", "--installment", cases[i].text, NULL), ==, 2);
      g_assert_cmpstr (f->err, ==, installment_error);
      g_assert_cmpstr (f->out, ==, "");
    }
}

/* X5: verify-log */

static void
append_entries (CliFixture *f)
{
  g_autoptr(GestStore) store = open_store (f);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (gest_activity_log_append (store, "record-a", GEST_ACTIVITY_NOTE, "Primera nota",
                                             NULL, NULL, &error), ==, 1);
  g_assert_cmpint (gest_activity_log_append (store, "record-a", GEST_ACTIVITY_CALL, "Llamada al titular",
                                             "Ana Ruiz", "titular", &error), ==, 2);
  g_assert_cmpint (gest_activity_log_append (store, "record-a", GEST_ACTIVITY_NOTE, "Tercera nota",
                                             NULL, NULL, &error), ==, 3);
  g_assert_cmpint (gest_activity_log_append (store, "record-b", GEST_ACTIVITY_NOTE, "Otra",
                                             NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_verify_log_ok (CliFixture       *f,
                    gconstpointer  data)
{
  /* Only init makes a database (issue 16.9). */
  g_assert_cmpint (cli_run (f, "--db", f->db, "init", NULL), ==, 0);
  g_assert_cmpint (cli_run (f, "--db", f->db, "verify-log", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "ok: the activity log verifies, 0 entries in 0 records.\n");

  append_entries (f);
  g_assert_cmpint (cli_run (f, "--db", f->db, "verify-log", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "ok: the activity log verifies, 4 entries in 2 records.\n");
  g_assert_cmpstr (f->err, ==, "");
}

static void
tamper (CliFixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_verify_log_tampered (CliFixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = NULL;

  append_entries (f);
  /* The trigger refuses the edit while it exists. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "UPDATE activity SET text = 'x' WHERE seq = 2", NULL, NULL, NULL),
                     !=, SQLITE_OK);
    sqlite3_close (db);
  }
  tamper (f, "DROP TRIGGER activity_no_update;"
             "UPDATE activity SET text = 'Llamada que nunca ocurrió' "
             "WHERE record_uuid = 'record-a' AND seq = 2;");

  g_assert_cmpint (cli_run (f, "--db", f->db, "verify-log", NULL), ==, 1);
  first = first_line (f->out);
  g_assert_true (g_str_has_prefix (first, "tampered: "));
  assert_contains (first, "record record-a");
  assert_contains (first, "entry 2 (");
  g_assert_cmpstr (f->err, ==, "");
}

static void
test_verify_log_tampered_hash (CliFixture       *f,
                               gconstpointer  data)
{
  append_entries (f);
  /* Rewriting the text together with its hash still breaks the next entry's link. */
  tamper (f, "DROP TRIGGER activity_no_update;"
             "UPDATE activity SET hash = '0000000000000000000000000000000000000000000000000000000000000000' "
             "WHERE record_uuid = 'record-b' AND seq = 1;");
  g_assert_cmpint (cli_run (f, "--db", f->db, "verify-log", NULL), ==, 1);
  g_assert_true (g_str_has_prefix (f->out, "tampered: "));
  assert_contains (f->out, "record record-b");
  assert_contains (f->out, "entry 1 (");
}

/* X6: messages in Spanish (Mexico) under an es_MX locale. */
static void
test_spanish (CliFixture       *f,
              gconstpointer  data)
{
  const char *saved = setlocale (LC_ALL, NULL);
  g_autofree char *previous = g_strdup (saved);

  if (setlocale (LC_ALL, "es_MX.UTF-8") == NULL)
    {
      g_test_skip ("the es_MX.UTF-8 locale is not installed (Debian package locales)");
      return;
    }
  setlocale (LC_ALL, previous);

  g_setenv ("LC_ALL", "es_MX.UTF-8", TRUE);
  g_assert_cmpint (cli_run (f, "route", "--debt", "abc", "--installment", "1,000.00", NULL), ==, 2);
  g_assert_cmpstr (f->err, ==, "gestiona-cli: --debt: “abc” no es un monto. Escríbalo como 1,234.56 o $1,234.56.\n");
  g_assert_cmpint (cli_run (f, "route", "--debt", "500", "--installment", "1,000.00", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "atencion-clientes\nAdeudo de $500.00 ≤ $500.00\nLlamar a: "));
  g_assert_cmpint (cli_run (f, NULL, NULL), ==, 2);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  assert_contains (f->err, "Falta un comando.");
}

int
main (int    argc,
      char **argv)
{
  /* The CLI inherits this: untranslated messages, UTF-8 output. */
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("/cli/help-lists-commands", test_help);
  ADD ("/cli/usage-errors-exit-2", test_usage_errors);
  ADD ("/cli/X2/init-creates", test_init);
  ADD ("/cli/X2/init-migrates", test_init_migrates);
  ADD ("/cli/X2/init-newer-schema-refused-untouched", test_init_newer_refused);
  ADD ("/cli/X2/demo-and-tramite-dispatch", test_demo);
  ADD ("/cli/S11/check-rfc", test_check_rfc);
  ADD ("/cli/S1/check-vin", test_check_vin);
  ADD ("/cli/T2/route-boundaries", test_route_boundaries);
  ADD ("/cli/T2/route-db-settings", test_route_db_settings);
  ADD ("/cli/T2/route-refused", test_route_refused);
  ADD ("/cli/X6/bad-amounts-exit-2", test_bad_amounts);
  ADD ("/cli/X6/spanish-messages", test_spanish);
  ADD ("/cli/X5/verify-log-ok", test_verify_log_ok);
  ADD ("/cli/X5/verify-log-tampered-text", test_verify_log_tampered);
  ADD ("/cli/X5/verify-log-tampered-hash", test_verify_log_tampered_hash);

  return g_test_run ();
}
