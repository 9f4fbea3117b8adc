/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-json-limits"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-error.h"
#include "gest-json-limits.h"

static const GestJsonLimits default_limits = {
  .max_depth = GEST_JSON_MAX_DEPTH,
  .max_elements = GEST_JSON_MAX_ELEMENTS,
  .max_string = GEST_JSON_MAX_STRING,
};

const GestJsonLimits *
gest_json_limits_default (void)
{
  return &default_limits;
}

gboolean
gest_json_limits_check (const char            *text,
                        gsize                  len,
                        const GestJsonLimits  *limits,
                        GError               **error)
{
  guint depth = 0;
  guint64 elements = 0;
  gsize i = 0;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  if (limits == NULL)
    limits = &default_limits;

  while (i < len)
    {
      char c = text[i];

      if (c == '"')
        {
          gsize start = ++i;

          /* To the closing quote; a backslash escapes the next byte (\" and \\ included). */
          while (i < len && text[i] != '"')
            i += text[i] == '\\' ? 2 : 1;
          if (MIN (i, len) - start > limits->max_string)
            {
              g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The JSON text has a string of more than %zu bytes: send shorter values."),
                           limits->max_string);
              return FALSE;
            }
          i++;   /* past the closing quote (or the end) */
          continue;
        }
      if (c == '[' || c == '{')
        {
          if (++depth > limits->max_depth)
            {
              g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The JSON text nests arrays and objects more than %u levels deep: send a flatter document."),
                           limits->max_depth);
              return FALSE;
            }
          elements++;
        }
      else if (c == ']' || c == '}')
        {
          if (depth > 0)
            depth--;
        }
      else if (c == ',')
        elements++;
      else
        {
          i++;
          continue;
        }
      if (elements > limits->max_elements)
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("The JSON text has more than %u values: send fewer per request."),
                       limits->max_elements);
          return FALSE;
        }
      i++;
    }
  return TRUE;
}
