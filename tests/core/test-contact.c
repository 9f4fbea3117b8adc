/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Contact data (issue 2, core rules): Mexican 10-digit phones with optional +52, 5-digit
 * postal codes, the 32 states, e-mail addresses. */
#include "config.h"

#include <locale.h>

#include "gest-contact.h"
#include "gest-error.h"

static void
assert_phone (const char *text,
              const char *digits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_test_message ("phone “%s”", text);
  g_assert_true (gest_phone_normalize (text, &out, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, digits);
}

static void
assert_bad_phone (const char *text,
                  const char *message)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_test_message ("bad phone “%s”", text);
  g_assert_false (gest_phone_normalize (text, &out, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_null (out);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
test_phone_valid (void)
{
  assert_phone ("5512345678", "5512345678");
  assert_phone ("55 1234 5678", "5512345678");
  assert_phone ("+52 55 1234 5678", "5512345678");
  assert_phone ("+525512345678", "5512345678");
  assert_phone ("52 55 1234 5678", "5512345678");
  assert_phone ("(55) 1234-5678", "5512345678");
  assert_phone ("222.123.4567", "2221234567");
  assert_phone ("  +52 (222) 123-45-67  ", "2221234567");
  assert_phone ("800 123 4567", "8001234567");
  /* The old mobile prefix after the country code. */
  assert_phone ("+52 1 55 1234 5678", "5512345678");
  assert_phone ("52 1 33 1234 5678", "3312345678");
  /* A 10-digit number that happens to start with 52 is a number, not a prefix. */
  assert_phone ("5228700000", "5228700000");
}

static void
test_phone_invalid (void)
{
  assert_bad_phone ("551234567",
                    "“551234567” has 9 digits, and a Mexican phone number has 10, like 55 1234 5678.");
  assert_bad_phone ("55123456789",
                    "“55123456789” has 11 digits, and a Mexican phone number has 10, like 55 1234 5678.");
  assert_bad_phone ("5",
                    "“5” has 1 digit, and a Mexican phone number has 10, like 55 1234 5678.");
  assert_bad_phone ("55 1234 567a",
                    "“55 1234 567a” is not a phone number: write only digits, like 55 1234 5678 or +52 55 1234 5678.");
  assert_bad_phone ("52 28 70 00 ext. 5000", NULL);
  assert_bad_phone ("+1 555 123 4567",
                    "“+1 555 123 4567” is not a Mexican phone number: the country code must be +52.");
  assert_bad_phone ("55+12345678", NULL);
  assert_bad_phone ("++525512345678", NULL);
  assert_bad_phone ("+52 551234567", NULL);            /* 9 digits after +52 */
  assert_bad_phone ("+52 52 55 1234 5678", NULL);      /* +52 twice */
  assert_bad_phone ("0155 1234 5678", NULL);
  assert_bad_phone ("1 55 1234 5678",                  /* the 1 needs the country code */
                    "“1 55 1234 5678” has 11 digits, and a Mexican phone number has 10, like 55 1234 5678.");
  assert_bad_phone ("+52 2 55 1234 5678", NULL);
  assert_bad_phone ("0512345678",
                    "“0512345678” is not a phone number: Mexican numbers do not start with 0. Leave out old prefixes like 01 or 044.");
  assert_bad_phone ("", "The phone number is empty. Write its 10 digits, like 55 1234 5678.");
  assert_bad_phone ("５５１２３４５６７８", NULL);    /* full-width digits */
}

static void
test_phone_format (void)
{
  g_autofree char *cdmx = gest_phone_format ("5512345678");
  g_autofree char *gdl = gest_phone_format ("3312345678");
  g_autofree char *mty = gest_phone_format ("8112345678");
  g_autofree char *cdmx56 = gest_phone_format ("5612345678");
  g_autofree char *puebla = gest_phone_format ("2221234567");
  g_autofree char *other = gest_phone_format ("12345");

  g_assert_cmpstr (cdmx, ==, "55 1234 5678");
  g_assert_cmpstr (gdl, ==, "33 1234 5678");
  g_assert_cmpstr (mty, ==, "81 1234 5678");
  g_assert_cmpstr (cdmx56, ==, "56 1234 5678");
  g_assert_cmpstr (puebla, ==, "222 123 4567");
  g_assert_cmpstr (other, ==, "12345");
}

static void
test_postal_code (void)
{
  static const char * const good[] = { "01000", "06600", "44100", "64000", "99999", " 72000 " };
  static const char * const bad[] = {
    "00000", "00999", "00100", "6600", "066000", "0660a", "", "06 600", "-6600", "１２３４５",
  };
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (gest_postal_code_check (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("postal code “%s”", bad[i]);
      g_assert_false (gest_postal_code_check (bad[i], &error));
      g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
    }

  g_assert_false (gest_postal_code_check ("6600", &e1));
  g_assert_cmpstr (e1->message, ==, "“6600” is not a postal code: write its 5 digits, like 06600.");
  g_assert_false (gest_postal_code_check ("00999", &e2));
  g_assert_cmpstr (e2->message, ==, "“00999” is not a Mexican postal code: they go from 01000 to 99999.");
}

static void
test_states_list (void)
{
  const GestState *states;
  guint n = 0;
  g_autoptr(GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);

  states = gest_states (&n);
  g_assert_cmpuint (n, ==, 32);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *key = NULL;

      g_assert_nonnull (states[i].code);
      g_assert_nonnull (states[i].name);
      g_assert_true (g_utf8_validate (states[i].name, -1, NULL));
      /* Codes are unique. */
      g_assert_true (g_hash_table_add (codes, (gpointer) states[i].code));
      /* Alphabetical by name, ignoring accents. */
      if (i > 0)
        {
          g_autofree char *a = g_str_to_ascii (states[i - 1].name, "C");
          g_autofree char *b = g_str_to_ascii (states[i].name, "C");

          g_assert_cmpint (g_ascii_strcasecmp (a, b), <, 0);
        }
      /* Every state is found by its own code and name. */
      g_assert_true (gest_state_lookup (states[i].code) == &states[i]);
      g_assert_true (gest_state_lookup (states[i].name) == &states[i]);
    }

  g_assert_cmpstr (states[0].name, ==, "Aguascalientes");
  g_assert_cmpstr (states[31].name, ==, "Zacatecas");
}

static void
assert_state (const char *text,
              const char *code)
{
  const GestState *state = gest_state_lookup (text);

  g_test_message ("state “%s”", text);
  g_assert_nonnull (state);
  g_assert_cmpstr (state->code, ==, code);
}

static void
test_states_lookup (void)
{
  assert_state ("CDMX", "CDMX");
  assert_state ("cdmx", "CDMX");
  assert_state ("Ciudad de México", "CDMX");
  assert_state ("CIUDAD DE MEXICO", "CDMX");
  assert_state ("ciudad de mexico", "CDMX");
  assert_state ("Distrito Federal", "CDMX");
  assert_state ("Estado de México", "MEX");
  assert_state ("México", "MEX");
  assert_state ("mexico", "MEX");
  assert_state ("MEX", "MEX");
  assert_state ("Coahuila", "COAH");
  assert_state ("Coahuila de Zaragoza", "COAH");
  assert_state ("Michoacán", "MICH");
  assert_state ("michoacan de ocampo", "MICH");
  assert_state ("Veracruz", "VER");
  assert_state ("Veracruz de Ignacio de la Llave", "VER");
  assert_state ("Nuevo León", "NL");
  assert_state ("nuevo leon", "NL");
  assert_state ("NL", "NL");
  assert_state ("NLE", "NL");             /* ISO 3166-2:MX */
  assert_state ("JAL", "JAL");
  assert_state ("Jalisco", "JAL");
  assert_state ("Querétaro", "QRO");
  assert_state ("Quintana Roo", "QROO");
  assert_state ("Q. Roo", "QROO");
  assert_state ("San Luis Potosí", "SLP");
  assert_state ("Yucatán", "YUC");
  assert_state ("Baja California", "BC");
  assert_state ("Baja California Sur", "BCS");
  assert_state ("  puebla  ", "PUE");

  g_assert_null (gest_state_lookup ("Texas"));
  g_assert_null (gest_state_lookup (""));
  g_assert_null (gest_state_lookup ("  "));
  g_assert_null (gest_state_lookup ("Baja"));
  g_assert_null (gest_state_lookup ("\xff"));
}

static void
test_email (void)
{
  static const char * const good[] = {
    "documentos@conauto.com.mx", "a@b.co", " juan.perez+plan@example.com ", "x_y@sub.dominio.mx",
  };
  static const char * const bad[] = {
    "", "juan", "juan@", "@example.com", "juan@example", "juan@@example.com", "juan@exam@ple.com",
    "juan perez@example.com", "juan@.com", "juan@example.", "juan@example..com", "juan@example,com",
  };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (gest_email_check (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) e = NULL;

      g_test_message ("e-mail “%s”", bad[i]);
      g_assert_false (gest_email_check (bad[i], &e));
      g_assert_error (e, GEST_ERROR, GEST_ERROR_INVALID);
    }

  g_assert_false (gest_email_check ("juan@example", &error));
  g_assert_cmpstr (error->message, ==, "“juan@example” is not an e-mail address. Write it like name@example.com.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact/phone/valid", test_phone_valid);
  g_test_add_func ("/contact/phone/invalid", test_phone_invalid);
  g_test_add_func ("/contact/phone/format", test_phone_format);
  g_test_add_func ("/contact/postal-code", test_postal_code);
  g_test_add_func ("/contact/states/list", test_states_list);
  g_test_add_func ("/contact/states/lookup", test_states_lookup);
  g_test_add_func ("/contact/email", test_email);

  return g_test_run ();
}
