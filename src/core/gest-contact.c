/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gest-contact.h"
#include "gest-error.h"

#define PHONE_DIGITS 10

/* The 32 federal entities, alphabetical by name. Codes are the usual upper-case
 * abbreviations seen on Mexican forms; names are proper names and are not translated. */
static const GestState states[] = {
  { "AGS",   "Aguascalientes" },
  { "BC",    "Baja California" },
  { "BCS",   "Baja California Sur" },
  { "CAMP",  "Campeche" },
  { "CHIS",  "Chiapas" },
  { "CHIH",  "Chihuahua" },
  { "CDMX",  "Ciudad de México" },
  { "COAH",  "Coahuila" },
  { "COL",   "Colima" },
  { "DGO",   "Durango" },
  { "MEX",   "Estado de México" },
  { "GTO",   "Guanajuato" },
  { "GRO",   "Guerrero" },
  { "HGO",   "Hidalgo" },
  { "JAL",   "Jalisco" },
  { "MICH",  "Michoacán" },
  { "MOR",   "Morelos" },
  { "NAY",   "Nayarit" },
  { "NL",    "Nuevo León" },
  { "OAX",   "Oaxaca" },
  { "PUE",   "Puebla" },
  { "QRO",   "Querétaro" },
  { "QROO",  "Quintana Roo" },
  { "SLP",   "San Luis Potosí" },
  { "SIN",   "Sinaloa" },
  { "SON",   "Sonora" },
  { "TAB",   "Tabasco" },
  { "TAMPS", "Tamaulipas" },
  { "TLAX",  "Tlaxcala" },
  { "VER",   "Veracruz" },
  { "YUC",   "Yucatán" },
  { "ZAC",   "Zacatecas" },
};

/* Other spellings people and systems use: official long names (INEGI), the former
 * Distrito Federal, and the ISO 3166-2:MX codes. */
static const struct
{
  const char *alias;
  const char *code;
} state_aliases[] = {
  { "Coahuila de Zaragoza", "COAH" },
  { "México", "MEX" },
  { "Edomex", "MEX" },
  { "Michoacán de Ocampo", "MICH" },
  { "Veracruz de Ignacio de la Llave", "VER" },
  { "Distrito Federal", "CDMX" },
  { "DF", "CDMX" },
  { "AGU", "AGS" }, { "BCN", "BC" }, { "CAM", "CAMP" }, { "CHP", "CHIS" },
  { "CHH", "CHIH" }, { "CMX", "CDMX" }, { "COA", "COAH" }, { "DUR", "DGO" },
  { "GUA", "GTO" }, { "HID", "HGO" }, { "MIC", "MICH" }, { "NLE", "NL" },
  { "QUE", "QRO" }, { "ROO", "QROO" }, { "TAM", "TAMPS" }, { "TLA", "TLAX" },
};

/* Lower-case ASCII letters and digits only: "Nuevo León", "nuevo leon" and "NUEVO-LEÓN"
 * all become "nuevoleon"; "Q. Roo" becomes "qroo". */
static char *
fold_key (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_sized_new (strlen (ascii));

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
    }
  return g_string_free (out, FALSE);
}

static const GestState *
state_by_code (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (g_str_equal (states[i].code, code))
        return &states[i];
    }
  return NULL;
}

static gboolean
key_matches (const char *key,
             const char *candidate)
{
  g_autofree char *folded = fold_key (candidate);

  return g_str_equal (key, folded);
}

const GestState *
gest_states (guint *n_states)
{
  if (n_states != NULL)
    *n_states = G_N_ELEMENTS (states);
  return states;
}

const GestState *
gest_state_lookup (const char *code_or_name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (code_or_name != NULL, NULL);

  if (!g_utf8_validate (code_or_name, -1, NULL))
    return NULL;

  key = fold_key (code_or_name);
  if (key[0] == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      if (key_matches (key, states[i].code) || key_matches (key, states[i].name))
        return &states[i];
    }
  for (guint i = 0; i < G_N_ELEMENTS (state_aliases); i++)
    {
      if (key_matches (key, state_aliases[i].alias))
        return state_by_code (state_aliases[i].code);
    }
  return NULL;
}

gboolean
gest_phone_normalize (const char  *text,
                      char       **out_digits,
                      GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_autoptr(GString) digits = NULL;
  const char *p;
  const char *national;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The phone number is empty. Write its 10 digits, like 55 1234 5678."));
      return FALSE;
    }

  digits = g_string_sized_new (16);
  p = trimmed;
  /* A "+" is only meaningful in front of the country code. */
  if (*p == '+')
    {
      g_string_append_c (digits, '+');
      p++;
    }
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (!strchr (" -.()\t", *p))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("“%s” is not a phone number: write only digits, like 55 1234 5678 or +52 55 1234 5678."),
                       trimmed);
          return FALSE;
        }
    }

  national = digits->str;
  if (national[0] == '+')
    {
      if (!g_str_has_prefix (national, "+52"))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("“%s” is not a Mexican phone number: the country code must be +52."),
                       trimmed);
          return FALSE;
        }
      national += 3;
    }
  else if ((digits->len == PHONE_DIGITS + 2 && g_str_has_prefix (national, "52")) ||
           (digits->len == PHONE_DIGITS + 3 && g_str_has_prefix (national, "521")))
    {
      national += 2;
    }

  /* Mobiles were dialled from abroad as +52 1 and many contact lists still have it. No
   * Mexican number starts with 1, so after the country code it can only be that prefix. */
  if (national != digits->str && strlen (national) == PHONE_DIGITS + 1 && national[0] == '1')
    national++;

  if (strlen (national) != PHONE_DIGITS)
    {
      guint n = (guint) strlen (national);

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "“%s” has %u digit, and a Mexican phone number has 10, like 55 1234 5678.",
                                "“%s” has %u digits, and a Mexican phone number has 10, like 55 1234 5678.",
                                n),
                   trimmed, n);
      return FALSE;
    }

  if (national[0] == '0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a phone number: Mexican numbers do not start with 0. Leave out old prefixes like 01 or 044."),
                   trimmed);
      return FALSE;
    }

  if (out_digits != NULL)
    *out_digits = g_strdup (national);
  return TRUE;
}

char *
gest_phone_format (const char *digits)
{
  static const char * const two_digit_areas[] = { "33", "55", "56", "81" };

  g_return_val_if_fail (digits != NULL, NULL);

  if (strlen (digits) != PHONE_DIGITS || strspn (digits, "0123456789") != PHONE_DIGITS)
    return g_strdup (digits);

  for (guint i = 0; i < G_N_ELEMENTS (two_digit_areas); i++)
    {
      if (strncmp (digits, two_digit_areas[i], 2) == 0)
        return g_strdup_printf ("%.2s %.4s %.4s", digits, digits + 2, digits + 6);
    }
  return g_strdup_printf ("%.3s %.3s %.4s", digits, digits + 3, digits + 6);
}

gboolean
gest_postal_code_check (const char  *text,
                        GError     **error)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));

  if (strlen (trimmed) != 5 || strspn (trimmed, "0123456789") != 5)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a postal code: write its 5 digits, like 06600."),
                   trimmed);
      return FALSE;
    }

  /* Mexican postal codes run from 01000 (Ciudad de México) to 99999. */
  if (trimmed[0] == '0' && trimmed[1] == '0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a Mexican postal code: they go from 01000 to 99999."),
                   trimmed);
      return FALSE;
    }
  return TRUE;
}

gboolean
gest_email_check (const char  *text,
                  GError     **error)
{
  g_autofree char *trimmed = NULL;
  const char *at;
  const char *domain;
  const char *dot;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The e-mail address is empty. Write it like name@example.com."));
      return FALSE;
    }

  at = strchr (trimmed, '@');
  domain = at != NULL ? at + 1 : NULL;
  dot = domain != NULL ? strrchr (domain, '.') : NULL;

  /* Loose on purpose: a real address is confirmed by mail reaching it. This only catches
   * typos such as a missing @, a space or a domain without a dot. */
  if (at == NULL || at == trimmed || strchr (domain, '@') != NULL ||
      strpbrk (trimmed, " \t\r\n,;<>") != NULL ||
      dot == NULL || dot == domain || dot[1] == '\0' ||
      domain[0] == '.' || strstr (domain, "..") != NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not an e-mail address. Write it like name@example.com."),
                   trimmed);
      return FALSE;
    }
  return TRUE;
}
