/* SPDX-License-Identifier: GPL-3.0-or-later */
/* S11 (#15): the SAT's receiver catalogs for CFDI 4.0. Every regime's persona física / moral
 * columns, every use × regime × kind combination against the catalog's "Régimen Fiscal
 * Receptor" column written here by regime (another shape than the code's, so a slip in either
 * shows), the generic RFCs (público en general, extranjero), an RFC whose length says another
 * kind, a bad fiscal postal code and a bad email, each refusal with its message in full. */
#include "config.h"

#include <locale.h>

#include "gest-cfdi-catalog.h"
#include "gest-error.h"

#define PERSON_RFC  "GODE561231GR8"
#define COMPANY_RFC "MAB9307148T4"

/* c_RegimenFiscal (CFDI 4.0): code, persona física, persona moral. */
static const struct
{
  const char *code;
  gboolean    person;
  gboolean    company;
} regime_columns[] = {
  { "601", FALSE, TRUE }, { "603", FALSE, TRUE }, { "605", TRUE, FALSE }, { "606", TRUE, FALSE },
  { "607", TRUE, FALSE }, { "608", TRUE, FALSE }, { "610", TRUE, TRUE }, { "611", TRUE, FALSE },
  { "612", TRUE, FALSE }, { "614", TRUE, FALSE }, { "615", TRUE, FALSE }, { "616", TRUE, FALSE },
  { "620", FALSE, TRUE }, { "621", TRUE, FALSE }, { "622", FALSE, TRUE }, { "623", FALSE, TRUE },
  { "624", FALSE, TRUE }, { "625", TRUE, FALSE }, { "626", TRUE, TRUE }, { "628", FALSE, TRUE },
  { "629", TRUE, FALSE }, { "630", TRUE, FALSE },
};

/* The uses each regime allows (c_UsoCFDI's "Régimen Fiscal Receptor", read by regime). */
#define BUSINESS "G01 G02 G03 I01 I02 I03 I04 I05 I06 I07 I08 S01 CP01"
#define DEDUCTIONS "D01 D02 D03 D04 D05 D06 D07 D08 D09 D10 S01 CP01"
static const struct
{
  const char *regime;
  const char *uses;
} regime_uses[] = {
  { "601", BUSINESS }, { "603", BUSINESS },
  { "605", DEDUCTIONS " CN01" },
  { "606", BUSINESS " D01 D02 D03 D04 D05 D06 D07 D08 D09 D10" },
  { "607", DEDUCTIONS }, { "608", DEDUCTIONS }, { "610", "S01 CP01" }, { "611", DEDUCTIONS },
  { "612", BUSINESS " D01 D02 D03 D04 D05 D06 D07 D08 D09 D10" },
  { "614", DEDUCTIONS }, { "615", DEDUCTIONS }, { "616", "G02 S01 CP01" },
  { "620", BUSINESS }, { "621", BUSINESS }, { "622", BUSINESS }, { "623", BUSINESS }, { "624", BUSINESS },
  { "625", BUSINESS " D01 D02 D03 D04 D05 D06 D07 D08 D09 D10" },
  { "626", BUSINESS }, { "628", "" }, { "629", "" }, { "630", "" },
};

/* c_UsoCFDI's persona física / moral columns: the D uses and payroll are for individuals. */
static gboolean
use_for_company (const char *use)
{
  return use[0] != 'D' && g_strcmp0 (use, "CN01") != 0;
}

static void
assert_refused (GestTaxpayerKind  kind,
                const char       *rfc,
                const char       *name,
                const char       *postal_code,
                const char       *regime,
                const char       *use,
                const char       *email,
                const char       *field,
                const char       *message)
{
  g_autoptr(GError) error = NULL;
  const char *out_field = NULL;

  g_assert_false (gest_cfdi_check_receiver (kind, rfc, name, postal_code, regime, use, email, &out_field, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_cmpstr (out_field, ==, field);
}

static void
assert_accepted (GestTaxpayerKind  kind,
                 const char       *rfc,
                 const char       *name,
                 const char       *postal_code,
                 const char       *regime,
                 const char       *use,
                 const char       *email)
{
  g_autoptr(GError) error = NULL;
  const char *out_field = "unset";

  g_assert_true (gest_cfdi_check_receiver (kind, rfc, name, postal_code, regime, use, email, &out_field, &error));
  g_assert_no_error (error);
  g_assert_null (out_field);
}

static void
test_regimes_by_kind (void)
{
  const char * const *codes = gest_cfdi_regime_codes ();

  g_assert_cmpuint (g_strv_length ((GStrv) codes), ==, G_N_ELEMENTS (regime_columns));
  for (guint i = 0; i < G_N_ELEMENTS (regime_columns); i++)
    {
      g_assert_cmpstr (codes[i], ==, regime_columns[i].code);
      g_assert_nonnull (gest_cfdi_regime_label (codes[i]));
      g_assert_true (g_str_has_prefix (gest_cfdi_regime_label (codes[i]), codes[i]));
      g_assert_cmpint (gest_cfdi_regime_allows (codes[i], GEST_TAXPAYER_PERSON), ==, regime_columns[i].person);
      g_assert_cmpint (gest_cfdi_regime_allows (codes[i], GEST_TAXPAYER_COMPANY), ==, regime_columns[i].company);
    }
  g_assert_cmpstr (gest_cfdi_regime_label ("601"), ==, "601 General regime for companies");
  g_assert_null (gest_cfdi_regime_label ("609"));   /* Consolidación: ended in 2019 */
  g_assert_false (gest_cfdi_regime_allows ("609", GEST_TAXPAYER_COMPANY));
  g_assert_false (gest_cfdi_regime_allows (NULL, GEST_TAXPAYER_PERSON));
}

static void
test_every_use_regime_kind (void)
{
  const char * const *uses = gest_cfdi_use_codes ();
  guint checked = 0;

  g_assert_cmpuint (g_strv_length ((GStrv) uses), ==, 24);
  g_assert_null (gest_cfdi_use_label ("P01"));   /* "Por definir": gone in CFDI 4.0 */
  for (guint u = 0; uses[u] != NULL; u++)
    {
      g_assert_true (g_str_has_prefix (gest_cfdi_use_label (uses[u]), uses[u]));
      for (guint r = 0; r < G_N_ELEMENTS (regime_uses); r++)
        {
          g_auto (GStrv) allowed = g_strsplit (regime_uses[r].uses, " ", -1);
          gboolean in_column = g_strv_contains ((const char * const *) allowed, uses[u]);

          g_assert_cmpstr (regime_uses[r].regime, ==, regime_columns[r].code);
          for (int kind = GEST_TAXPAYER_PERSON; kind <= GEST_TAXPAYER_COMPANY; kind++)
            {
              gboolean kind_regime = kind == GEST_TAXPAYER_PERSON ? regime_columns[r].person : regime_columns[r].company;
              gboolean kind_use = kind == GEST_TAXPAYER_PERSON || use_for_company (uses[u]);
              gboolean expected = in_column && kind_regime && kind_use;

              if (gest_cfdi_use_allows (uses[u], kind, regime_uses[r].regime) != expected)
                g_error ("use %s, regime %s, %s: expected %s", uses[u], regime_uses[r].regime,
                         kind == GEST_TAXPAYER_PERSON ? "person" : "company", expected ? "allowed" : "refused");
              checked++;
            }
        }
      /* Without a regime yet: only the kind's column. */
      g_assert_true (gest_cfdi_use_allows (uses[u], GEST_TAXPAYER_PERSON, NULL));
      g_assert_cmpint (gest_cfdi_use_allows (uses[u], GEST_TAXPAYER_COMPANY, ""), ==, use_for_company (uses[u]));
    }
  g_assert_cmpuint (checked, ==, 24 * 22 * 2);
}

static void
test_valid_receivers (void)
{
  assert_accepted (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "612", "G03", "denise@example.com");
  assert_accepted (GEST_TAXPAYER_PERSON, "gode-561231-gr8", "Denise Gómez", "44100", "605", "D01", "");
  assert_accepted (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "626", "I03", NULL);
  assert_accepted (GEST_TAXPAYER_COMPANY, COMPANY_RFC, "MABE", "64000", "601", "G03", "facturas@mabe.mx");
  assert_accepted (GEST_TAXPAYER_COMPANY, COMPANY_RFC, "MABE", "64000", "626", "CP01", NULL);
}

static void
test_combination_refusals (void)
{
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "601", "G03", NULL, "regime",
                  "The fiscal regime “601 General regime for companies” is not for an individual (persona física): "
                  "choose one the SAT allows for an individual (persona física).");
  assert_refused (GEST_TAXPAYER_COMPANY, COMPANY_RFC, "MABE", "64000", "605", "G03", NULL, "regime",
                  "The fiscal regime “605 Wages and salaries and income treated as wages” is not for a company "
                  "(persona moral): choose one the SAT allows for a company (persona moral).");
  assert_refused (GEST_TAXPAYER_COMPANY, COMPANY_RFC, "MABE", "64000", "601", "D01", NULL, "use",
                  "The CFDI use “D01 Medical, dental and hospital fees” is not for a company (persona moral): choose another.");
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "605", "G03", NULL, "use",
                  "The CFDI use “G03 General expenses” is not allowed with the fiscal regime “605 Wages and salaries "
                  "and income treated as wages”: choose a use the list offers for that regime.");
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "", "G03", NULL, "regime",
                  "Choose the customer’s fiscal regime, as on their tax status certificate.");
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "612", "", NULL, "use",
                  "Choose the CFDI use the customer asks for (such as “G03 General expenses”).");
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "699", "G03", NULL, "regime",
                  "“699” is not a fiscal regime of the SAT’s catalog: choose one from the list.");
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "612", "P01", NULL, "use",
                  "“P01” is not a CFDI use of the SAT’s catalog: choose one from the list.");
}

static void
test_generic_rfcs (void)
{
  /* Público en general: regime 616, use S01 (or CP01 for a payment), the name fixed. */
  assert_accepted (GEST_TAXPAYER_PERSON, "XAXX010101000", "PUBLICO EN GENERAL", "06600", "616", "S01", NULL);
  assert_accepted (GEST_TAXPAYER_PERSON, "xaxx010101000", "Público en general", "06600", "616", "CP01", NULL);
  assert_refused (GEST_TAXPAYER_PERSON, "XAXX010101000", "JUAN PEREZ", "06600", "616", "S01", NULL, "name",
                  "With the generic RFC XAXX010101000 the name must be “PUBLICO EN GENERAL”: write it so, or the "
                  "customer’s own RFC and name.");
  assert_refused (GEST_TAXPAYER_PERSON, "XAXX010101000", "PUBLICO EN GENERAL", "06600", "612", "S01", NULL, "regime",
                  "With the generic RFC XAXX010101000 the fiscal regime must be “616 No tax obligations”.");
  assert_refused (GEST_TAXPAYER_PERSON, "XAXX010101000", "PUBLICO EN GENERAL", "06600", "616", "G03", NULL, "use",
                  "With the generic RFC XAXX010101000 the CFDI use must be “S01 No tax effects”.");
  assert_refused (GEST_TAXPAYER_COMPANY, "XAXX010101000", "PUBLICO EN GENERAL", "06600", "616", "S01", NULL, "rfc",
                  "The RFC XAXX010101000 has 13 characters, the RFC of an individual (persona física), but the "
                  "customer is marked as a company (persona moral): correct the RFC or the kind of taxpayer.");
  /* Extranjero: the foreign customer's own name, regime 616, use S01 only. */
  assert_accepted (GEST_TAXPAYER_PERSON, "XEXX010101000", "JOHN SMITH", "06600", "616", "S01", "john@example.com");
  assert_refused (GEST_TAXPAYER_PERSON, "XEXX010101000", "PUBLICO EN GENERAL", "06600", "616", "S01", NULL, "name",
                  "With the generic RFC XEXX010101000 write the foreign customer’s own name, not “PUBLICO EN GENERAL”.");
  assert_refused (GEST_TAXPAYER_PERSON, "XEXX010101000", "JOHN SMITH", "06600", "616", "CP01", NULL, "use",
                  "With the generic RFC XEXX010101000 the CFDI use must be “S01 No tax effects”.");
}

static void
test_wrong_kind_for_rfc (void)
{
  assert_refused (GEST_TAXPAYER_PERSON, COMPANY_RFC, "MABE", "64000", "601", "G03", NULL, "rfc",
                  "The RFC MAB9307148T4 has 12 characters, the RFC of a company (persona moral), but the customer is "
                  "marked as an individual (persona física): correct the RFC or the kind of taxpayer.");
  assert_refused (GEST_TAXPAYER_COMPANY, PERSON_RFC, "DENISE GOMEZ", "06600", "601", "G03", NULL, "rfc",
                  "The RFC GODE561231GR8 has 13 characters, the RFC of an individual (persona física), but the "
                  "customer is marked as a company (persona moral): correct the RFC or the kind of taxpayer.");
  assert_refused (GEST_TAXPAYER_PERSON, "", "DENISE GOMEZ", "06600", "612", "G03", NULL, "rfc",
                  "Write the customer’s RFC as it appears on their tax status certificate, or XAXX010101000 for the "
                  "public in general.");
  /* A wrong check digit is refused for an invoice (the RFC module's own words). */
  assert_refused (GEST_TAXPAYER_PERSON, "GODE561231GR9", "DENISE GOMEZ", "06600", "612", "G03", NULL, "rfc",
                  "The check digit of “GODE561231GR9” should be “8”, not “9”. Compare the RFC with the customer’s "
                  "tax certificate (constancia de situación fiscal).");
}

static void
test_names (void)
{
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "  ", "06600", "612", "G03", NULL, "name",
                  "Write the customer’s name exactly as registered with the SAT (as on their tax status certificate).");
  assert_refused (GEST_TAXPAYER_COMPANY, COMPANY_RFC, "", "64000", "601", "G03", NULL, "name",
                  "Write the company name exactly as registered with the SAT (as on its tax status certificate).");
  assert_refused (GEST_TAXPAYER_COMPANY, COMPANY_RFC, "Mabe S.A. de C.V.", "64000", "601", "G03", NULL, "name",
                  "Write the company name without its legal form (such as “S.A. de C.V.”): CFDI 4.0 takes the name "
                  "as the SAT registers it.");
}

static void
test_bad_postal_code (void)
{
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "6600", "612", "G03", NULL, "postal_code",
                  "Write the fiscal postal code of the customer’s tax status certificate: five digits, such as 06600 "
                  "(“6600” is not one).");
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "00123", "612", "G03", NULL, "postal_code",
                  "Write the fiscal postal code of the customer’s tax status certificate: five digits, such as 06600 "
                  "(“00123” is not one).");
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", NULL, "612", "G03", NULL, "postal_code",
                  "Write the fiscal postal code of the customer’s tax status certificate: five digits, such as 06600 "
                  "(“” is not one).");
}

static void
test_bad_email (void)
{
  assert_refused (GEST_TAXPAYER_PERSON, PERSON_RFC, "DENISE GOMEZ", "06600", "612", "G03", "denise@example", "email",
                  "The email for the invoice is not valid: “denise@example” is not an e-mail address. Write it like "
                  "name@example.com.");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/S11/regimes-by-kind", test_regimes_by_kind);
  g_test_add_func ("/core/S11/every-use-regime-kind", test_every_use_regime_kind);
  g_test_add_func ("/core/S11/valid-receivers", test_valid_receivers);
  g_test_add_func ("/core/S11/combination-refusals", test_combination_refusals);
  g_test_add_func ("/core/S11/generic-rfcs", test_generic_rfcs);
  g_test_add_func ("/core/S11/wrong-kind-for-rfc-length", test_wrong_kind_for_rfc);
  g_test_add_func ("/core/S11/names", test_names);
  g_test_add_func ("/core/S11/bad-postal-code", test_bad_postal_code);
  g_test_add_func ("/core/S11/bad-email", test_bad_email);

  return g_test_run ();
}
