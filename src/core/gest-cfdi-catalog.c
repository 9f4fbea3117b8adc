/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cfdi-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-cfdi-catalog.h"
#include "gest-contact.h"
#include "gest-error.h"
#include "gest-rfc.h"

/* The SAT's catalogs as in force for CFDI 4.0 (Anexo 20, catálogos del 2022 en adelante):
 * c_RegimenFiscal with its "Física" and "Moral" columns, and c_UsoCFDI with its "Física",
 * "Moral" and "Régimen Fiscal Receptor" columns. The labels are English msgids whose Spanish
 * is the SAT's own wording. */

#define PERSON  (1 << GEST_TAXPAYER_PERSON)
#define COMPANY (1 << GEST_TAXPAYER_COMPANY)

typedef struct
{
  const char *code;
  const char *label;
  guint       kinds;
} Regime;

static const Regime regimes[] = {
  { "601", N_("601 General regime for companies"), COMPANY },
  { "603", N_("603 Non-profit companies"), COMPANY },
  { "605", N_("605 Wages and salaries and income treated as wages"), PERSON },
  { "606", N_("606 Leasing"), PERSON },
  { "607", N_("607 Disposal or acquisition of goods"), PERSON },
  { "608", N_("608 Other income"), PERSON },
  { "610", N_("610 Foreign residents without a permanent establishment in Mexico"), PERSON | COMPANY },
  { "611", N_("611 Income from dividends (partners and shareholders)"), PERSON },
  { "612", N_("612 Individuals with business and professional activities"), PERSON },
  { "614", N_("614 Interest income"), PERSON },
  { "615", N_("615 Income from prizes"), PERSON },
  { "616", N_("616 No tax obligations"), PERSON },
  { "620", N_("620 Production cooperatives that defer their income"), COMPANY },
  { "621", N_("621 Tax incorporation"), PERSON },
  { "622", N_("622 Agricultural, livestock, forestry and fishing activities"), COMPANY },
  { "623", N_("623 Optional regime for groups of companies"), COMPANY },
  { "624", N_("624 Coordinated companies"), COMPANY },
  { "625", N_("625 Business activities with income through technology platforms"), PERSON },
  { "626", N_("626 Simplified trust regime (RESICO)"), PERSON | COMPANY },
  { "628", N_("628 Hydrocarbons"), COMPANY },
  { "629", N_("629 Preferential tax regimes and multinational companies"), PERSON },
  { "630", N_("630 Sale of shares on the stock exchange"), PERSON },
};

static const char * const regime_codes[] = {
  "601", "603", "605", "606", "607", "608", "610", "611", "612", "614", "615", "616", "620",
  "621", "622", "623", "624", "625", "626", "628", "629", "630", NULL
};

/* The "Régimen Fiscal Receptor" column of c_UsoCFDI, by group of uses. */
static const char * const business_regimes[] = {
  "601", "603", "606", "612", "620", "621", "622", "623", "624", "625", "626", NULL
};
static const char * const returns_regimes[] = {
  "601", "603", "606", "612", "616", "620", "621", "622", "623", "624", "625", "626", NULL
};
static const char * const deduction_regimes[] = {
  "605", "606", "607", "608", "611", "612", "614", "615", "625", NULL
};
static const char * const any_regimes[] = {
  "601", "603", "605", "606", "607", "608", "610", "611", "612", "614", "615", "616", "620",
  "621", "622", "623", "624", "625", "626", NULL
};
static const char * const payroll_regimes[] = { "605", NULL };

typedef struct
{
  const char         *code;
  const char         *label;
  guint               kinds;
  const char * const *regimes;
} Use;

static const Use uses[] = {
  { "G01", N_("G01 Purchase of goods"), PERSON | COMPANY, business_regimes },
  { "G02", N_("G02 Returns, discounts or rebates"), PERSON | COMPANY, returns_regimes },
  { "G03", N_("G03 General expenses"), PERSON | COMPANY, business_regimes },
  { "I01", N_("I01 Constructions"), PERSON | COMPANY, business_regimes },
  { "I02", N_("I02 Office furniture and equipment (investment)"), PERSON | COMPANY, business_regimes },
  { "I03", N_("I03 Transport equipment"), PERSON | COMPANY, business_regimes },
  { "I04", N_("I04 Computer equipment and accessories"), PERSON | COMPANY, business_regimes },
  { "I05", N_("I05 Dies, moulds, matrices and tooling"), PERSON | COMPANY, business_regimes },
  { "I06", N_("I06 Telephone communications"), PERSON | COMPANY, business_regimes },
  { "I07", N_("I07 Satellite communications"), PERSON | COMPANY, business_regimes },
  { "I08", N_("I08 Other machinery and equipment"), PERSON | COMPANY, business_regimes },
  { "D01", N_("D01 Medical, dental and hospital fees"), PERSON, deduction_regimes },
  { "D02", N_("D02 Medical expenses for incapacity or disability"), PERSON, deduction_regimes },
  { "D03", N_("D03 Funeral expenses"), PERSON, deduction_regimes },
  { "D04", N_("D04 Donations"), PERSON, deduction_regimes },
  { "D05", N_("D05 Real interest paid on mortgage loans (home)"), PERSON, deduction_regimes },
  { "D06", N_("D06 Voluntary contributions to the SAR"), PERSON, deduction_regimes },
  { "D07", N_("D07 Medical expense insurance premiums"), PERSON, deduction_regimes },
  { "D08", N_("D08 Compulsory school transport"), PERSON, deduction_regimes },
  { "D09", N_("D09 Savings deposits and pension plan premiums"), PERSON, deduction_regimes },
  { "D10", N_("D10 Payments for educational services (tuition)"), PERSON, deduction_regimes },
  { "S01", N_("S01 No tax effects"), PERSON | COMPANY, any_regimes },
  { "CP01", N_("CP01 Payments"), PERSON | COMPANY, any_regimes },
  { "CN01", N_("CN01 Payroll"), PERSON, payroll_regimes },
};

static const char * const use_codes[] = {
  "G01", "G02", "G03", "I01", "I02", "I03", "I04", "I05", "I06", "I07", "I08", "D01", "D02",
  "D03", "D04", "D05", "D06", "D07", "D08", "D09", "D10", "S01", "CP01", "CN01", NULL
};

#define GENERIC_NATIONAL "XAXX010101000"
#define GENERIC_FOREIGN  "XEXX010101000"
#define GENERIC_REGIME   "616"
#define GENERIC_USE      "S01"
#define PAYMENTS_USE     "CP01"
#define PUBLIC_NAME      "PUBLICO EN GENERAL"

static const Regime *
regime_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (regimes); i++)
    if (strcmp (regimes[i].code, code) == 0)
      return &regimes[i];
  return NULL;
}

static const Use *
use_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (uses); i++)
    if (strcmp (uses[i].code, code) == 0)
      return &uses[i];
  return NULL;
}

static const char *
kind_word (GestTaxpayerKind kind)
{
  return kind == GEST_TAXPAYER_PERSON ? _("an individual (persona física)")
                                      : _("a company (persona moral)");
}

static gboolean
fail (const char  *field,
      const char **out_field,
      GError     **error,
      char        *message)
{
  if (out_field != NULL)
    *out_field = field;
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, message);
  g_free (message);
  return FALSE;
}

/* Upper case without the accents of the Spanish vowels, for comparing names. */
static char *
name_key (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name));
  g_autofree char *folded = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFD);
  GString *key = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      g_string_append_unichar (key, g_unichar_toupper (c));
    }
  return g_string_free (key, FALSE);
}

/* CFDI 4.0 wants a company's name as the SAT's certificate writes it: without its legal form. */
static gboolean
has_legal_form (const char *key)
{
  static const char * const forms[] = {
    " SA DE CV", " S.A. DE C.V.", " S. A. DE C. V.", " SAPI DE CV", " S.A.P.I. DE C.V.",
    " S DE RL DE CV", " S. DE R.L. DE C.V.", " SC", " S.C.", " AC", " A.C.", " SA", " S.A.", NULL
  };

  for (guint i = 0; forms[i] != NULL; i++)
    if (g_str_has_suffix (key, forms[i]))
      return TRUE;
  return FALSE;
}

const char * const *
gest_cfdi_regime_codes (void)
{
  return regime_codes;
}

const char *
gest_cfdi_regime_label (const char *code)
{
  const Regime *regime = regime_lookup (code);

  return regime != NULL ? _(regime->label) : NULL;
}

gboolean
gest_cfdi_regime_allows (const char       *code,
                         GestTaxpayerKind  kind)
{
  const Regime *regime = regime_lookup (code);

  return regime != NULL && (regime->kinds & (1u << kind)) != 0;
}

const char * const *
gest_cfdi_use_codes (void)
{
  return use_codes;
}

const char *
gest_cfdi_use_label (const char *code)
{
  const Use *use = use_lookup (code);

  return use != NULL ? _(use->label) : NULL;
}

gboolean
gest_cfdi_use_allows (const char       *code,
                      GestTaxpayerKind  kind,
                      const char       *regime)
{
  const Use *use = use_lookup (code);

  if (use == NULL || (use->kinds & (1u << kind)) == 0)
    return FALSE;
  if (regime == NULL || *regime == '\0')
    return TRUE;
  return gest_cfdi_regime_allows (regime, kind) && g_strv_contains (use->regimes, regime);
}

gboolean
gest_cfdi_check_receiver (GestTaxpayerKind  kind,
                          const char       *rfc,
                          const char       *name,
                          const char       *postal_code,
                          const char       *regime,
                          const char       *use,
                          const char       *email,
                          const char      **out_field,
                          GError          **error)
{
  g_autofree char *clean_rfc = gest_rfc_normalize (rfc != NULL ? rfc : "");
  g_autofree char *rfc_message = NULL;
  g_autofree char *key = name_key (name != NULL ? name : "");
  g_autoptr(GError) local = NULL;
  gboolean national, foreign;
  GestTaxpayerKind rfc_kind;
  const char *postal = postal_code != NULL ? postal_code : "";
  GestCheck check;

  g_return_val_if_fail (kind == GEST_TAXPAYER_PERSON || kind == GEST_TAXPAYER_COMPANY, FALSE);

  if (out_field != NULL)
    *out_field = NULL;

  if (*clean_rfc == '\0')
    return fail ("rfc", out_field, error,
                 g_strdup (_("Write the customer’s RFC as it appears on their tax status certificate, "
                             "or XAXX010101000 for the public in general.")));
  check = gest_rfc_check (clean_rfc, &rfc_message);
  if (check != GEST_CHECK_VALID)
    return fail ("rfc", out_field, error,
                 rfc_message != NULL ? g_steal_pointer (&rfc_message)
                                     : g_strdup_printf (_("“%s” is not an RFC: copy it again from the customer’s tax status certificate."),
                                                        clean_rfc));
  rfc_kind = strlen (clean_rfc) == 13 ? GEST_TAXPAYER_PERSON : GEST_TAXPAYER_COMPANY;
  if (rfc_kind != kind)
    return fail ("rfc", out_field, error,
                 g_strdup_printf (_("The RFC %s has %u characters, the RFC of %s, but the customer is marked as %s: "
                                    "correct the RFC or the kind of taxpayer."),
                                  clean_rfc, (guint) strlen (clean_rfc), kind_word (rfc_kind), kind_word (kind)));
  national = strcmp (clean_rfc, GENERIC_NATIONAL) == 0;
  foreign = strcmp (clean_rfc, GENERIC_FOREIGN) == 0;

  if (*key == '\0')
    return fail ("name", out_field, error,
                 g_strdup (kind == GEST_TAXPAYER_PERSON
                             ? _("Write the customer’s name exactly as registered with the SAT (as on their tax status certificate).")
                             : _("Write the company name exactly as registered with the SAT (as on its tax status certificate).")));
  if (national && strcmp (key, PUBLIC_NAME) != 0)
    return fail ("name", out_field, error,
                 g_strdup_printf (_("With the generic RFC %s the name must be “%s”: write it so, or the customer’s own RFC and name."),
                                  GENERIC_NATIONAL, PUBLIC_NAME));
  if (foreign && strcmp (key, PUBLIC_NAME) == 0)
    return fail ("name", out_field, error,
                 g_strdup_printf (_("With the generic RFC %s write the foreign customer’s own name, not “%s”."),
                                  GENERIC_FOREIGN, PUBLIC_NAME));
  if (kind == GEST_TAXPAYER_COMPANY && has_legal_form (key))
    return fail ("name", out_field, error,
                 g_strdup (_("Write the company name without its legal form (such as “S.A. de C.V.”): "
                             "CFDI 4.0 takes the name as the SAT registers it.")));

  if (!gest_postal_code_check (postal, &local))
    return fail ("postal_code", out_field, error,
                 g_strdup_printf (_("Write the fiscal postal code of the customer’s tax status certificate: "
                                    "five digits, such as 06600 (“%s” is not one)."), postal));

  if (regime == NULL || *regime == '\0')
    return fail ("regime", out_field, error,
                 g_strdup (_("Choose the customer’s fiscal regime, as on their tax status certificate.")));
  if (regime_lookup (regime) == NULL)
    return fail ("regime", out_field, error,
                 g_strdup_printf (_("“%s” is not a fiscal regime of the SAT’s catalog: choose one from the list."), regime));
  if ((national || foreign) && strcmp (regime, GENERIC_REGIME) != 0)
    return fail ("regime", out_field, error,
                 g_strdup_printf (_("With the generic RFC %s the fiscal regime must be “%s”."),
                                  clean_rfc, gest_cfdi_regime_label (GENERIC_REGIME)));
  if (!gest_cfdi_regime_allows (regime, kind))
    return fail ("regime", out_field, error,
                 g_strdup_printf (_("The fiscal regime “%s” is not for %s: choose one the SAT allows for %s."),
                                  gest_cfdi_regime_label (regime), kind_word (kind), kind_word (kind)));

  if (use == NULL || *use == '\0')
    return fail ("use", out_field, error,
                 g_strdup (_("Choose the CFDI use the customer asks for (such as “G03 General expenses”).")));
  if (use_lookup (use) == NULL)
    return fail ("use", out_field, error,
                 g_strdup_printf (_("“%s” is not a CFDI use of the SAT’s catalog: choose one from the list."), use));
  if ((national || foreign) && strcmp (use, GENERIC_USE) != 0 &&
      !(national && strcmp (use, PAYMENTS_USE) == 0))
    return fail ("use", out_field, error,
                 g_strdup_printf (_("With the generic RFC %s the CFDI use must be “%s”."),
                                  clean_rfc, gest_cfdi_use_label (GENERIC_USE)));
  if (!gest_cfdi_use_allows (use, kind, NULL))
    return fail ("use", out_field, error,
                 g_strdup_printf (_("The CFDI use “%s” is not for %s: choose another."),
                                  gest_cfdi_use_label (use), kind_word (kind)));
  if (!gest_cfdi_use_allows (use, kind, regime))
    return fail ("use", out_field, error,
                 g_strdup_printf (_("The CFDI use “%s” is not allowed with the fiscal regime “%s”: "
                                    "choose a use the list offers for that regime."),
                                  gest_cfdi_use_label (use), gest_cfdi_regime_label (regime)));

  if (email != NULL && *email != '\0')
    {
      g_clear_error (&local);
      if (!gest_email_check (email, &local))
        return fail ("email", out_field, error,
                     g_strdup_printf (_("The email for the invoice is not valid: %s"), local->message));
    }
  return TRUE;
}
