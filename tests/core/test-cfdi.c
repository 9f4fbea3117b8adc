/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The CFDI folio fiscal (UUID) and the SAT's cancellation reasons (Q1, #13): 8-4-4-4-12
 * hexadecimal digits, taken in either case and kept in upper case as the SAT prints it;
 * reason 01 needs the substituting CFDI, which cannot be the cancelled one. */
#include "config.h"

#include <locale.h>

#include "gest-cfdi.h"
#include "gest-error.h"

#define CANCELLED  "6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60"
#define SUBSTITUTE "A1B2C3D4-E5F6-4789-ABCD-EF0123456789"

static void
assert_refused (const char *text,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parsed = gest_cfdi_uuid_parse (text, &error);

  g_assert_null (parsed);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_false (gest_cfdi_uuid_is_valid (text));
}

static void
test_uuid_valid (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *upper = gest_cfdi_uuid_parse (CANCELLED, &error);
  g_autofree char *lower = gest_cfdi_uuid_parse ("  6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f60\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (upper, ==, CANCELLED);
  /* Lower case is taken and written as the SAT prints it. */
  g_assert_cmpstr (lower, ==, CANCELLED);
  g_assert_true (gest_cfdi_uuid_is_valid (SUBSTITUTE));
  g_assert_true (gest_cfdi_uuid_is_valid ("00000000-0000-0000-0000-000000000000"));
}

static void
test_uuid_invalid (void)
{
  assert_refused ("", "The CFDI folio fiscal is empty: copy it from the invoice (36 characters, 8-4-4-4-12 hexadecimal digits separated by hyphens).");
  assert_refused (NULL, "The CFDI folio fiscal is empty: copy it from the invoice (36 characters, 8-4-4-4-12 hexadecimal digits separated by hyphens).");
  /* 35 and 37 characters: the boundaries of the length. */
  assert_refused ("6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6",
                  "“6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6” is not a CFDI folio fiscal: it has 35 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).");
  assert_refused ("6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F600",
                  "“6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F600” is not a CFDI folio fiscal: it has 37 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).");
  /* Without hyphens: 32 digits. */
  assert_refused ("6F1C2E4A9B3D4C5E8F7A1B2C3D4E5F60",
                  "“6F1C2E4A9B3D4C5E8F7A1B2C3D4E5F60” is not a CFDI folio fiscal: it has 32 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).");
  /* A hyphen out of place (9-3-4-4-12). */
  assert_refused ("6F1C2E4A9-B3D-4C5E-8F7A-1B2C3D4E5F60",
                  "“6F1C2E4A9-B3D-4C5E-8F7A-1B2C3D4E5F60” is not a CFDI folio fiscal: character 9 is “9” and should be a hyphen (8-4-4-4-12 hexadecimal digits separated by hyphens).");
  /* A letter that is not hexadecimal (O for 0). */
  assert_refused ("6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6O",
                  "“6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6O” is not a CFDI folio fiscal: character 36 is “O” and should be a hexadecimal digit (0-9, A-F).");
  /* 36 characters, one of them two bytes long (Ñ). */
  assert_refused ("6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6Ñ",
                  "“6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F6Ñ” is not a CFDI folio fiscal: character 36 is “Ñ” and should be a hexadecimal digit (0-9, A-F).");
}

static void
test_reasons (void)
{
  g_assert_cmpstr (gest_cfdi_reason_code (0), ==, "01");
  g_assert_cmpstr (gest_cfdi_reason_code (3), ==, "04");
  g_assert_cmpstr (gest_cfdi_reason_label ("01"), ==, "01 Invoice issued with errors, with a related replacement");
  g_assert_cmpstr (gest_cfdi_reason_label ("02"), ==, "02 Invoice issued with errors, without a related replacement");
  g_assert_cmpstr (gest_cfdi_reason_label ("03"), ==, "03 The operation did not take place");
  g_assert_cmpstr (gest_cfdi_reason_label ("04"), ==, "04 Nominative operation related to a global invoice");
  g_assert_null (gest_cfdi_reason_label ("05"));
  g_assert_null (gest_cfdi_reason_label ("1"));
  g_assert_false (gest_cfdi_reason_is_valid (NULL));
}

static void
assert_cancellation (const char *cfdi,
                     const char *reason,
                     const char *substitute,
                     const char *message)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = gest_cfdi_check_cancellation (cfdi, reason, substitute, &error);

  if (message == NULL)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      return;
    }
  g_assert_false (ok);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_reason_01_needs_substitute (void)
{
  assert_cancellation (CANCELLED, "01", SUBSTITUTE, NULL);
  assert_cancellation (CANCELLED, "01", "a1b2c3d4-e5f6-4789-abcd-ef0123456789", NULL);
  assert_cancellation (CANCELLED, "01", NULL,
                       "Reason 01 needs the folio fiscal of the substituting CFDI: issue the new invoice first and copy its folio fiscal.");
  assert_cancellation (CANCELLED, "01", "  ",
                       "Reason 01 needs the folio fiscal of the substituting CFDI: issue the new invoice first and copy its folio fiscal.");
  /* The same folio in another case is the same CFDI. */
  assert_cancellation (CANCELLED, "01", "6f1c2e4a-9b3d-4c5e-8f7a-1b2c3d4e5f60",
                       "The substituting CFDI cannot be the cancelled one (6F1C2E4A-9B3D-4C5E-8F7A-1B2C3D4E5F60): copy the folio fiscal of the new invoice.");
  assert_cancellation (CANCELLED, "01", "A1B2C3D4-E5F6-4789-ABCD-EF012345678",
                       "The substituting CFDI: “A1B2C3D4-E5F6-4789-ABCD-EF012345678” is not a CFDI folio fiscal: it has 35 characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens).");
}

static void
test_other_reasons (void)
{
  assert_cancellation (CANCELLED, "02", NULL, NULL);
  assert_cancellation (CANCELLED, "03", "", NULL);
  assert_cancellation (CANCELLED, "04", NULL, NULL);
  assert_cancellation (CANCELLED, "02", SUBSTITUTE,
                       "Only reason 01 names a substituting CFDI: clear the substituting folio fiscal, or choose reason 01.");
  assert_cancellation (CANCELLED, "05", NULL,
                       "“05” is not a SAT cancellation reason: choose 01, 02, 03 or 04.");
  assert_cancellation ("", "02", NULL,
                       "The CFDI folio fiscal is empty: copy it from the invoice (36 characters, 8-4-4-4-12 hexadecimal digits separated by hyphens).");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cfdi/Q1/uuid-valid-upper-and-lower", test_uuid_valid);
  g_test_add_func ("/cfdi/Q1/uuid-invalid", test_uuid_invalid);
  g_test_add_func ("/cfdi/Q1/reasons", test_reasons);
  g_test_add_func ("/cfdi/Q1/reason-01-needs-substitute", test_reason_01_needs_substitute);
  g_test_add_func ("/cfdi/Q1/other-reasons-no-substitute", test_other_reasons);
  return g_test_run ();
}
