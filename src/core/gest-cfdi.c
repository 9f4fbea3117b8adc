/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-cfdi"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-cfdi.h"
#include "gest-error.h"

#define UUID_LENGTH 36

typedef struct
{
  const char *code;
  const char *label;
} Reason;

/* The SAT's names of the reasons (Anexo 20, catálogo de motivos de cancelación). */
static const Reason reasons[GEST_CFDI_N_REASONS] = {
  { GEST_CFDI_REASON_ERRORS_WITH_RELATION, N_("01 Invoice issued with errors, with a related replacement") },
  { GEST_CFDI_REASON_ERRORS_WITHOUT_RELATION, N_("02 Invoice issued with errors, without a related replacement") },
  { GEST_CFDI_REASON_NOT_CARRIED_OUT, N_("03 The operation did not take place") },
  { GEST_CFDI_REASON_GLOBAL_INVOICE, N_("04 Nominative operation related to a global invoice") },
};

static gboolean
is_hyphen_position (guint i)
{
  return i == 8 || i == 13 || i == 18 || i == 23;
}

char *
gest_cfdi_uuid_parse (const char  *text,
                      GError     **error)
{
  g_autofree char *clean = NULL;
  g_autoptr(GString) parsed = NULL;
  const char *p;
  glong length;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*clean == '\0')
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The CFDI folio fiscal is empty: copy it from the invoice (36 characters, 8-4-4-4-12 hexadecimal digits separated by hyphens)."));
      return NULL;
    }
  length = g_utf8_strlen (clean, -1);
  if (length != UUID_LENGTH)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a CFDI folio fiscal: it has %ld characters, and a folio fiscal has 36 (8-4-4-4-12 hexadecimal digits separated by hyphens)."),
                   clean, length);
      return NULL;
    }
  parsed = g_string_sized_new (UUID_LENGTH);
  p = clean;
  for (guint i = 0; i < UUID_LENGTH; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_hyphen_position (i) ? c != '-' : (c > 127 || !g_ascii_isxdigit ((char) c)))
        {
          char shown[8] = { 0 };

          g_unichar_to_utf8 (c, shown);
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       is_hyphen_position (i)
                       ? _("“%s” is not a CFDI folio fiscal: character %u is “%s” and should be a hyphen (8-4-4-4-12 hexadecimal digits separated by hyphens).")
                       : _("“%s” is not a CFDI folio fiscal: character %u is “%s” and should be a hexadecimal digit (0-9, A-F)."),
                       clean, i + 1, shown);
          return NULL;
        }
      g_string_append_c (parsed, g_ascii_toupper ((char) c));
    }
  return g_string_free (g_steal_pointer (&parsed), FALSE);
}

gboolean
gest_cfdi_uuid_is_valid (const char *text)
{
  g_autofree char *parsed = gest_cfdi_uuid_parse (text, NULL);

  return parsed != NULL;
}

const char *
gest_cfdi_reason_code (guint index)
{
  g_return_val_if_fail (index < GEST_CFDI_N_REASONS, NULL);
  return reasons[index].code;
}

const char *
gest_cfdi_reason_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (code, reasons[i].code) == 0)
      return _(reasons[i].label);
  return NULL;
}

gboolean
gest_cfdi_reason_is_valid (const char *code)
{
  return gest_cfdi_reason_label (code) != NULL;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return TRUE;
  return FALSE;
}

gboolean
gest_cfdi_check_cancellation (const char  *cfdi_uuid,
                              const char  *reason,
                              const char  *substitute_uuid,
                              GError     **error)
{
  g_autofree char *cancelled = NULL;
  g_autofree char *substitute = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cancelled = gest_cfdi_uuid_parse (cfdi_uuid, error);
  if (cancelled == NULL)
    return FALSE;
  if (!gest_cfdi_reason_is_valid (reason))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a SAT cancellation reason: choose 01, 02, 03 or 04."),
                   reason != NULL ? reason : "");
      return FALSE;
    }
  if (g_strcmp0 (reason, GEST_CFDI_REASON_ERRORS_WITH_RELATION) != 0)
    {
      if (has_text (substitute_uuid))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("Only reason 01 names a substituting CFDI: clear the substituting folio fiscal, or choose reason 01."));
          return FALSE;
        }
      return TRUE;
    }
  if (!has_text (substitute_uuid))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("Reason 01 needs the folio fiscal of the substituting CFDI: issue the new invoice first and copy its folio fiscal."));
      return FALSE;
    }
  substitute = gest_cfdi_uuid_parse (substitute_uuid, &local_error);
  if (substitute == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The substituting CFDI: %s"), local_error->message);
      return FALSE;
    }
  if (strcmp (substitute, cancelled) == 0)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The substituting CFDI cannot be the cancelled one (%s): copy the folio fiscal of the new invoice."),
                   cancelled);
      return FALSE;
    }
  return TRUE;
}
