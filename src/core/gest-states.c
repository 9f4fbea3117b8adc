/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-states"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gest-contact.h"
#include "gest-error.h"
#include "gest-states.h"

typedef struct
{
  const char *code;
  guint       first;   /* first two digits of the postal code, inclusive range */
  guint       last;
} StateRange;

/* SEPOMEX's assignment of the first two digits (17, 18 and 19 belong to no state). */
static const StateRange ranges[] = {
  { "CDMX",  1, 16 }, { "AGS",  20, 20 }, { "BC",    21, 22 }, { "BCS",   23, 23 },
  { "CAMP", 24, 24 }, { "COAH", 25, 27 }, { "COL",   28, 28 }, { "CHIS",  29, 30 },
  { "CHIH", 31, 33 }, { "DGO",  34, 35 }, { "GTO",   36, 38 }, { "GRO",   39, 41 },
  { "HGO",  42, 43 }, { "JAL",  44, 49 }, { "MEX",   50, 57 }, { "MICH",  58, 61 },
  { "MOR",  62, 62 }, { "NAY",  63, 63 }, { "NL",    64, 67 }, { "OAX",   68, 71 },
  { "PUE",  72, 75 }, { "QRO",  76, 76 }, { "QROO",  77, 77 }, { "SLP",   78, 79 },
  { "SIN",  80, 82 }, { "SON",  83, 85 }, { "TAB",   86, 86 }, { "TAMPS", 87, 89 },
  { "TLAX", 90, 90 }, { "VER",  91, 96 }, { "YUC",   97, 97 }, { "ZAC",   98, 99 },
};

gboolean
gest_state_postal_code_check (const char  *state_code,
                              const char  *postal_code,
                              GError     **error)
{
  const GestState *state;
  g_autofree char *trimmed = NULL;
  guint prefix;

  g_return_val_if_fail (state_code != NULL, FALSE);
  g_return_val_if_fail (postal_code != NULL, FALSE);

  state = gest_state_lookup (state_code);
  if (state == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not one of the 32 Mexican states. Choose the state from the list."),
                   state_code);
      return FALSE;
    }
  if (!gest_postal_code_check (postal_code, error))
    return FALSE;
  trimmed = g_strstrip (g_strdup (postal_code));
  prefix = (guint) (trimmed[0] - '0') * 10 + (guint) (trimmed[1] - '0');
  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      if (!g_str_equal (ranges[i].code, state->code))
        continue;
      if (prefix >= ranges[i].first && prefix <= ranges[i].last)
        return TRUE;
      if (ranges[i].first == ranges[i].last)
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("The postal code %s is not in %s: its postal codes start with %02u. Check the postal code or the state."),
                     trimmed, state->name, ranges[i].first);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                     _("The postal code %s is not in %s: its postal codes start with %02u to %02u. Check the postal code or the state."),
                     trimmed, state->name, ranges[i].first, ranges[i].last);
      return FALSE;
    }
  g_assert_not_reached ();
  return FALSE;
}
