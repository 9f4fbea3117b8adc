/* SPDX-License-Identifier: GPL-3.0-or-later */
/* RFC validation (issue 2, core rules): format of personas físicas and morales with Ñ and &,
 * a valid date, SAT's check digit (wrong = warning, bad format = error), generic RFCs.
 *
 * Published test vectors come from python-stdnum (Arthur de Jong, LGPL-2.1+):
 * stdnum/mx/rfc.py docstring (GODE561231GR8, MAB9307148T4, VACE460910SX6 with a bad check
 * digit) and tests/test_mx_rfc.doctest: its list of numbers "found online" whose check digit
 * validates, its SIN9311169P8 with a wrong check digit, AABN8211038Ñ2 with an invalid
 * homoclave, and its list of numbers in real use (checked at SAT's portal) whose check digit
 * does not match. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-rfc.h"
#include "gest-test-util.h"

static void
assert_check (const char *rfc,
              GestCheck   expected,
              const char *expected_message)
{
  gest_test_assert_check (gest_rfc_check, rfc, expected, expected_message);
}

/* python-stdnum tests/test_mx_rfc.doctest, "should all be valid numbers ... all have valid
 * check digits" (a selection that covers companies and persons, &, Ñ, 29 February 2000). */
static const char * const published_valid[] = {
  "GODE561231GR8", "MAB9307148T4",                       /* stdnum/mx/rfc.py docstring */
  "&&&030828PX7", "&JE040614N51", "AA&0607148I0", "AP&0305026J9", "B&D9605298Y3",
  "MUÑ110218LJ6",
  "AAA390128530", "AAAA791128D63", "AAAL730401TE0", "AACA700913KZ0", "AACC421231BH1",
  "AADS251231CG0", "AEL7407151YA", "AHO120203E8A", "AQU920317P4A", "BADY7101185W6",
  "BIHC5111253I7", "CBC900829152", "CCS8512024CA", "CGB000229SW0", "COML8103203QA",
  "EDI000229CA3", "EITM9103155L7", "FAM000229SB8", "GOAJ7101257MA", "GTL101217DPA",
  "JINA4912084Z8", "LEAJ570610M32", "MME820427S6A", "NOCJ750806BJA", "PCS091030DZA",
  "RABT551122827", "RUAJ8104018GA", "SOTG740115G1A", "UEE110902V5A", "VMU930407NFA",
  "YAT000229588", "ZENP8101128Y0", "ZZE040708QJ9",
};

/* The generic RFCs SAT prescribes for invoices to the general public and to foreigners. */
static void
test_valid_generic (void)
{
  assert_check ("XAXX010101000", GEST_CHECK_VALID, NULL);
  assert_check ("XEXX010101000", GEST_CHECK_VALID, NULL);
  assert_check (" xaxx010101000 ", GEST_CHECK_VALID, NULL);
}

static void
test_valid_published (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (published_valid); i++)
    assert_check (published_valid[i], GEST_CHECK_VALID, NULL);
}

/* Lower case (including a UTF-8 "ñ"), blanks and the separators stdnum accepts. */
static void
test_valid_normalized (void)
{
  g_autofree char *a = gest_rfc_normalize ("  gode-561231-gr8 ");
  g_autofree char *b = gest_rfc_normalize ("muñ110218lj6");
  g_autofree char *c = gest_rfc_normalize ("MAB 930714 8T4");

  g_assert_cmpstr (a, ==, "GODE561231GR8");
  g_assert_cmpstr (b, ==, "MUÑ110218LJ6");
  g_assert_cmpstr (c, ==, "MAB9307148T4");

  assert_check ("gode561231gr8", GEST_CHECK_VALID, NULL);
  assert_check ("muñ110218lj6", GEST_CHECK_VALID, NULL);
  assert_check ("GODE 561231 GR8", GEST_CHECK_VALID, NULL);
  assert_check ("MAB-930714-8T4", GEST_CHECK_VALID, NULL);
}

/* Numbers in real use (python-stdnum checked them at SAT's portal) whose check digit does
 * not match: a warning, never an error, since the customer's RFC is what SAT says. The
 * expected digit is the one SAT's algorithm gives. */
static void
test_warning_published (void)
{
  static const struct { const char *rfc; char expected; } cases[] = {
    { "VACE460910SX6", '5' },   /* stdnum/mx/rfc.py docstring */
    { "SIN9311169P8", '2' },    /* tests/test_mx_rfc.doctest */
    { "AAC0903183F6", '4' }, { "AAMM450222AJ1", '5' }, { "ALC920108P18", 'A' },
    { "BABC300126Q66", '7' }, { "CAMG590407QSA", '4' }, { "COCA8007229UA", '4' },
    { "DES8707223AA", '0' }, { "FIS0008226ZA", '4' }, { "KMN041126K5A", '0' },
    { "TORE4007065V7", '1' }, { "TPM06111759A", '0' }, { "VAME720111AA4", '5' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      char found[2] = { cases[i].rfc[strlen (cases[i].rfc) - 1], 0 };
      char want[2] = { cases[i].expected, 0 };
      g_autofree char *fragment = g_strdup_printf ("should be “%s”, not “%s”", want, found);

      g_assert_cmpint (gest_rfc_check (cases[i].rfc, &message), ==, GEST_CHECK_WARNING);
      g_assert_nonnull (strstr (message, fragment));
      g_assert_cmpint (gest_rfc_check_digit (cases[i].rfc), ==, cases[i].expected);
    }
}

static void
test_warning_message (void)
{
  assert_check ("GODE561231GR9", GEST_CHECK_WARNING,
                "The check digit of “GODE561231GR9” should be “8”, not “9”. Compare the RFC with the customer’s tax certificate (constancia de situación fiscal).");
  assert_check ("mab9307148t5", GEST_CHECK_WARNING,
                "The check digit of “MAB9307148T5” should be “4”, not “5”. Compare the RFC with the customer’s tax certificate (constancia de situación fiscal).");
  /* A letter that can never be a check digit is still only a wrong check digit. */
  assert_check ("GODE561231GRZ", GEST_CHECK_WARNING, NULL);
  /* Changing any character of the name or the date changes the expected digit. */
  assert_check ("GODF561231GR8", GEST_CHECK_WARNING, NULL);
  assert_check ("MUN110218LJ6", GEST_CHECK_WARNING, NULL);   /* Ñ is not N */
}

static void
test_check_digit (void)
{
  g_assert_cmpint (gest_rfc_check_digit ("GODE561231GR8"), ==, '8');
  g_assert_cmpint (gest_rfc_check_digit ("MAB9307148T4"), ==, '4');
  g_assert_cmpint (gest_rfc_check_digit ("GOAJ7101257MA"), ==, 'A');   /* remainder 10 */
  g_assert_cmpint (gest_rfc_check_digit ("AA&0607148I0"), ==, '0');    /* remainder 11 */
  g_assert_cmpint (gest_rfc_check_digit ("MUÑ110218LJ6"), ==, '6');
  g_assert_cmpint (gest_rfc_check_digit ("muñ110218lj6"), ==, '6');
  g_assert_cmpint (gest_rfc_check_digit ("&&&030828PX7"), ==, '7');
  /* The digit does not depend on the last character. */
  g_assert_cmpint (gest_rfc_check_digit ("GODE561231GRX"), ==, '8');

  g_assert_cmpint (gest_rfc_check_digit (""), ==, '\0');
  g_assert_cmpint (gest_rfc_check_digit ("GODE561231GR"), ==, '\0');
  g_assert_cmpint (gest_rfc_check_digit ("GOD3561231GR8"), ==, '\0');
  g_assert_cmpint (gest_rfc_check_digit ("GODE5612X1GR8"), ==, '\0');
  g_assert_cmpint (gest_rfc_check_digit ("\xff\xfe"), ==, '\0');
}

static void
test_invalid_format (void)
{
  static const char * const bad[] = {
    "GODE561231GR", "GODE561231GR88", "GO", "1234567890123", "GOD3561231GR8",
    "G0DE561231GR8", "GO&E561231GR8",         /* & only in companies' RFCs */
    "MA89307148T4", "MAB93O7148T4", "MABX307148T4", "GODE5612311R8X",
    "AABN8211038Ñ2",                           /* stdnum: Ñ is not allowed in the homoclave */
    "GODE561231G&8", "GODE561231_R8", "GODE561231GR.", "GODÉ561231GR8", "ГОДЕ561231GR8",
    "GODE561231GR8\xff",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_check (bad[i], GEST_CHECK_INVALID, NULL);
}

static void
test_invalid_date (void)
{
  /* stdnum: "The six digits are supposed to form a valid date" (month 34). */
  assert_check ("ABCD123456XX1", GEST_CHECK_INVALID, NULL);
  assert_check ("GODE561331GR8", GEST_CHECK_INVALID, NULL);   /* month 13 */
  assert_check ("GODE560231GR8", GEST_CHECK_INVALID, NULL);   /* 31 February */
  assert_check ("GODE560431GR8", GEST_CHECK_INVALID, NULL);   /* 31 April */
  assert_check ("GODE561200GR8", GEST_CHECK_INVALID, NULL);   /* day 0 */
  assert_check ("GODE560012GR8", GEST_CHECK_INVALID, NULL);   /* month 0 */
  assert_check ("YAT010229588", GEST_CHECK_INVALID, NULL);    /* 2001 and 1901 are not leap */
  assert_check ("MAB970229ZZ1", GEST_CHECK_INVALID, NULL);
  /* Leap years: 00 may be 2000 (leap); 96 is leap in either century. */
  g_assert_cmpint (gest_rfc_check ("YAT000229588", NULL), ==, GEST_CHECK_VALID);
  g_assert_cmpint (gest_rfc_check ("MAB960229ZZ1", NULL), !=, GEST_CHECK_INVALID);
}

static void
test_messages (void)
{
  assert_check ("", GEST_CHECK_INVALID,
                "The RFC is empty. Write its 12 characters (company) or 13 (person), like GODE561231GR8.");
  assert_check ("GODE561231G", GEST_CHECK_INVALID,
                "“GODE561231G” has 11 characters; an RFC has 12 (company) or 13 (person). Check for missing or extra characters.");
  assert_check ("GODE561231GR", GEST_CHECK_INVALID,
                "“GODE561231GR” looks like a person’s RFC with a character missing: a person’s RFC has 13 characters, like GODE561231GR8.");
  assert_check ("MAB9307148T44", GEST_CHECK_INVALID,
                "“MAB9307148T44” looks like a company’s RFC with an extra character: a company’s RFC has 12 characters, like MAB9307148T4.");
  assert_check ("G", GEST_CHECK_INVALID,
                "“G” has 1 character; an RFC has 12 (company) or 13 (person). Check for missing or extra characters.");
  assert_check ("GOD3561231GR8", GEST_CHECK_INVALID,
                "“GOD3561231GR8” is not an RFC: a person’s RFC starts with 4 letters from their name, like GODE561231GR8.");
  assert_check ("MA89307148T4", GEST_CHECK_INVALID,
                "“MA89307148T4” is not an RFC: a company’s RFC starts with 3 letters, Ñ or &, like MAB9307148T4.");
  assert_check ("GODE56123XGR8", GEST_CHECK_INVALID,
                "“GODE56123XGR8” is not an RFC: after the letters come 6 digits, the date as yymmdd (31 December 1956 is 561231).");
  assert_check ("GODE560231GR8", GEST_CHECK_INVALID,
                "“GODE560231GR8” is not an RFC: 560231 is not a valid date as yymmdd. Check the date of birth or of incorporation.");
  assert_check ("AABN8211038Ñ2", GEST_CHECK_INVALID,
                "“AABN8211038Ñ2” is not an RFC: the last 3 characters (the homoclave) are letters A to Z or digits.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rfc/valid/generic", test_valid_generic);
  g_test_add_func ("/rfc/valid/published", test_valid_published);
  g_test_add_func ("/rfc/valid/normalized", test_valid_normalized);
  g_test_add_func ("/rfc/warning/published", test_warning_published);
  g_test_add_func ("/rfc/warning/message", test_warning_message);
  g_test_add_func ("/rfc/check-digit", test_check_digit);
  g_test_add_func ("/rfc/invalid/format", test_invalid_format);
  g_test_add_func ("/rfc/invalid/date", test_invalid_date);
  g_test_add_func ("/rfc/invalid/messages", test_messages);

  return g_test_run ();
}
