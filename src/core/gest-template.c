/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-template"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-error.h"
#include "gest-template.h"

static GMutex kinds_lock;
static GPtrArray *kinds;   /* const GestTemplateKind * */

static gboolean
is_name_char (char c)
{
  return g_ascii_islower (c) || g_ascii_isdigit (c) || c == '.' || c == '_' || c == '-';
}

/* At @p, just after "{{": the name's bounds and the position after "}}", or FALSE. */
static gboolean
scan_placeholder (const char  *p,
                  const char **name,
                  gsize       *name_len,
                  const char **end)
{
  while (*p == ' ')
    p++;
  *name = p;
  while (is_name_char (*p))
    p++;
  *name_len = (gsize) (p - *name);
  while (*p == ' ')
    p++;
  if (*name_len == 0 || p[0] != '}' || p[1] != '}')
    return FALSE;
  *end = p + 2;
  return TRUE;
}

static guint
line_of (const char *text,
         const char *at)
{
  guint line = 1;

  for (const char *p = text; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

void
gest_template_kinds_add (const GestTemplateKind *new_kinds,
                         guint                   n_kinds)
{
  g_return_if_fail (new_kinds != NULL || n_kinds == 0);

  g_mutex_lock (&kinds_lock);
  if (kinds == NULL)
    kinds = g_ptr_array_new ();
  for (guint i = 0; i < n_kinds; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < kinds->len && !known; k++)
        known = g_str_equal (((const GestTemplateKind *) g_ptr_array_index (kinds, k))->id, new_kinds[i].id);
      if (!known)
        g_ptr_array_add (kinds, (gpointer) &new_kinds[i]);
    }
  g_mutex_unlock (&kinds_lock);
}

const GestTemplateKind *
gest_template_kind_find (const char *id)
{
  const GestTemplateKind *found = NULL;

  if (id == NULL)
    return NULL;
  g_mutex_lock (&kinds_lock);
  for (guint k = 0; kinds != NULL && k < kinds->len && found == NULL; k++)
    if (g_str_equal (((const GestTemplateKind *) g_ptr_array_index (kinds, k))->id, id))
      found = g_ptr_array_index (kinds, k);
  g_mutex_unlock (&kinds_lock);
  return found;
}

GPtrArray *
gest_template_parse (const char  *text,
                     GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  while ((p = strstr (p, "{{")) != NULL)
    {
      const char *name, *end;
      gsize name_len;
      g_autofree char *copy = NULL;

      if (!scan_placeholder (p + 2, &name, &name_len, &end))
        {
          g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                       _("Line %u has “{{” that does not start a placeholder: write a name such as "
                         "{{customer.name}} (lower case, no spaces inside) and close it with “}}”."),
                       line_of (text, p));
          return NULL;
        }
      copy = g_strndup (name, name_len);
      if (!g_ptr_array_find_with_equal_func (names, copy, g_str_equal, NULL))
        g_ptr_array_add (names, g_steal_pointer (&copy));
      p = end;
    }
  return g_steal_pointer (&names);
}

gboolean
gest_template_check (const char              *text,
                     const GestTemplateKind  *kind,
                     GError                 **error)
{
  g_autoptr(GPtrArray) names = NULL;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  names = gest_template_parse (text, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      gboolean known = FALSE;
      g_autoptr(GString) allowed = NULL;

      for (guint k = 0; k < kind->n_placeholders && !known; k++)
        known = g_str_equal (kind->placeholders[k].name, name);
      if (known)
        continue;

      allowed = g_string_new (NULL);
      for (guint k = 0; k < kind->n_placeholders; k++)
        g_string_append_printf (allowed, "%s{{%s}}", k > 0 ? ", " : "", kind->placeholders[k].name);
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("{{%s}} is not a placeholder of the template kind “%s”. Correct it or use one of "
                     "these: %s."),
                   name, _(kind->label), allowed->str);
      return FALSE;
    }
  return TRUE;
}

char *
gest_template_resolve (const char         *text,
                       GHashTable         *values,
                       GestTemplateEscape  escape)
{
  GString *out;
  const char *p = text;
  const char *open;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text) + 64);
  while ((open = strstr (p, "{{")) != NULL)
    {
      const char *name, *end;
      gsize name_len;

      if (escape == GEST_TEMPLATE_MARKUP)
        {
          g_autofree char *escaped = g_markup_escape_text (p, open - p);
          g_string_append (out, escaped);
        }
      else
        g_string_append_len (out, p, open - p);

      if (!scan_placeholder (open + 2, &name, &name_len, &end))
        {
          g_string_append (out, "{{");
          p = open + 2;
          continue;
        }
      else
        {
          g_autofree char *key = g_strndup (name, name_len);
          const char *value = values != NULL ? g_hash_table_lookup (values, key) : NULL;

          if (value != NULL && escape == GEST_TEMPLATE_MARKUP)
            {
              g_autofree char *escaped = g_markup_escape_text (value, -1);
              g_string_append (out, escaped);
            }
          else if (value != NULL)
            g_string_append (out, value);
        }
      p = end;
    }
  if (escape == GEST_TEMPLATE_MARKUP)
    {
      g_autofree char *escaped = g_markup_escape_text (p, -1);
      g_string_append (out, escaped);
    }
  else
    g_string_append (out, p);
  return g_string_free (out, FALSE);
}
