/* SPDX-License-Identifier: GPL-3.0-or-later */
/* VIN validation (issue 2, core rules): 17 characters without I, O and Q, and the North
 * American check digit at position 9 (wrong = warning, anything else wrong = error).
 *
 * Published test vectors:
 *   1M8GDM9AXKP042788  the example of Wikipedia's "Vehicle identification number" article
 *                      (also in the vin_info Rust crate's tests and ramaboo/is_vin);
 *   5N1NJ01CXST000001  vin_info crate tests (check digit X);
 *   JN1DA31D63T505967  lucasdavila/vin_checker README, "valid vin example";
 *   1XPTD40X0JD456115  the same README's invalid example, whose suggested fix is
 *                      1XPTD40X6JD456115;
 *   1HGCM82633A004352, JHMCM56557C404453, 5YJ3E1EA7HF000337, 1HGBH41JXMN109186
 *                      examples in several public VIN validators' test suites;
 *   11111111111111111  the classic all-ones VIN, valid by construction. */
#include "config.h"

#include <locale.h>

#include "gest-vin.h"
#include "gest-test-util.h"

static void
assert_check (const char *vin,
              GestCheck   expected,
              const char *expected_message)
{
  gest_test_assert_check (gest_vin_check, vin, expected, expected_message);
}

static void
test_valid_published (void)
{
  static const char * const valid[] = {
    "1M8GDM9AXKP042788", "5N1NJ01CXST000001", "JN1DA31D63T505967", "1XPTD40X6JD456115",
    "1HGCM82633A004352", "JHMCM56557C404453", "5YJ3E1EA7HF000337", "1HGBH41JXMN109186",
    "11111111111111111",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    assert_check (valid[i], GEST_CHECK_VALID, NULL);

  /* Blanks around and lower case are accepted. */
  assert_check ("  1m8gdm9axkp042788\n", GEST_CHECK_VALID, NULL);
}

static void
test_check_digit (void)
{
  g_assert_cmpint (gest_vin_check_digit ("1M8GDM9AXKP042788"), ==, 'X');   /* remainder 10 */
  g_assert_cmpint (gest_vin_check_digit ("5N1NJ01CXST000001"), ==, 'X');
  g_assert_cmpint (gest_vin_check_digit ("JN1DA31D63T505967"), ==, '6');
  g_assert_cmpint (gest_vin_check_digit ("1XPTD40X0JD456115"), ==, '6');
  g_assert_cmpint (gest_vin_check_digit ("11111111111111111"), ==, '1');
  g_assert_cmpint (gest_vin_check_digit ("00000000000000000"), ==, '0');
  /* Position 9 has weight 0: its content does not change the digit. */
  g_assert_cmpint (gest_vin_check_digit ("1M8GDM9A0KP042788"), ==, 'X');

  g_assert_cmpint (gest_vin_check_digit (""), ==, '\0');
  g_assert_cmpint (gest_vin_check_digit ("1M8GDM9AXKP04278"), ==, '\0');
  g_assert_cmpint (gest_vin_check_digit ("1M8GDM9AXKP0427I8"), ==, '\0');
}

/* Every letter's transliteration, as tabulated in 49 CFR 565.15: the letter is the only
 * non-zero character, at position 8 (weight 10). */
static void
test_transliteration (void)
{
  static const char letters[] = "ABCDEFGHJKLMNPRSTUVWXYZ";
  static const int values[] = { 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      char vin[18] = "00000000000000000";
      int sum = values[i] * 10 % 11;

      vin[7] = letters[i];
      g_assert_cmpint (gest_vin_check_digit (vin), ==, sum == 10 ? 'X' : '0' + sum);
    }
}

static void
test_warning (void)
{
  assert_check ("1XPTD40X0JD456115", GEST_CHECK_WARNING,
                "The check digit of “1XPTD40X0JD456115” (position 9) should be “6”, not “0”. Compare the VIN with the vehicle’s invoice.");
  assert_check ("1M8GDM9A1KP042788", GEST_CHECK_WARNING,
                "The check digit of “1M8GDM9A1KP042788” (position 9) should be “X”, not “1”. Compare the VIN with the vehicle’s invoice.");
  /* One changed character elsewhere breaks the check digit. */
  assert_check ("1M8GDM9AXKP042789", GEST_CHECK_WARNING, NULL);
  assert_check ("2M8GDM9AXKP042788", GEST_CHECK_WARNING, NULL);
  /* A letter other than X at position 9 can never be right. */
  assert_check ("1M8GDM9AYKP042788", GEST_CHECK_WARNING, NULL);
}

static void
test_invalid (void)
{
  assert_check ("1M8GDM9AXKP0427I8", GEST_CHECK_INVALID,
                "“1M8GDM9AXKP0427I8” has the letter I at position 16, and VINs never use I, O or Q. It is probably the digit 1.");
  assert_check ("OM8GDM9AXKP042788", GEST_CHECK_INVALID,
                "“OM8GDM9AXKP042788” has the letter O at position 1, and VINs never use I, O or Q. It is probably the digit 0.");
  assert_check ("1M8GDM9AXKPQ42788", GEST_CHECK_INVALID,
                "“1M8GDM9AXKPQ42788” has the letter Q at position 12, and VINs never use I, O or Q. It is probably the digit 0.");
  assert_check ("1m8gdm9axkp0427i8", GEST_CHECK_INVALID,
                "“1M8GDM9AXKP0427I8” has the letter I at position 16, and VINs never use I, O or Q. It is probably the digit 1.");
  assert_check ("1M8GDM9AXKP04278", GEST_CHECK_INVALID,
                "“1M8GDM9AXKP04278” has 16 characters; a VIN has 17. Check for missing or extra characters.");
  assert_check ("1M8GDM9AXKP0427888", GEST_CHECK_INVALID,
                "“1M8GDM9AXKP0427888” has 18 characters; a VIN has 17. Check for missing or extra characters.");
  assert_check ("1", GEST_CHECK_INVALID,
                "“1” has 1 character; a VIN has 17. Check for missing or extra characters.");
  assert_check ("   ", GEST_CHECK_INVALID,
                "The VIN is empty. Write its 17 characters as they appear on the invoice or the vehicle.");
  assert_check ("1M8GDM9AXKP-42788", GEST_CHECK_INVALID,
                "“1M8GDM9AXKP-42788” has “-” at position 12; a VIN has only letters and digits.");
  assert_check ("1M8GDM9AXKPÑ42788", GEST_CHECK_INVALID,
                "“1M8GDM9AXKPÑ42788” has “Ñ” at position 12; a VIN has only letters and digits.");
  assert_check ("1M8GDM9AXKP 42788", GEST_CHECK_INVALID, NULL);
  assert_check ("1M8GDM9AXKP\xff""42788", GEST_CHECK_INVALID,
                "The VIN has characters that are not text. Type it again.");
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/vin/valid/published", test_valid_published);
  g_test_add_func ("/vin/check-digit", test_check_digit);
  g_test_add_func ("/vin/check-digit/transliteration", test_transliteration);
  g_test_add_func ("/vin/warning/check-digit", test_warning);
  g_test_add_func ("/vin/invalid", test_invalid);

  return g_test_run ();
}
