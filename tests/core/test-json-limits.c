/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 16 item 1 (X3): gest_json_limits_check() refuses what would overflow json-glib's
 * recursion or memory, and lets everything else through untouched. */
#include "config.h"

#include <string.h>

#include "gest-error.h"
#include "gest-json-limits.h"

static gboolean
check (const char            *text,
       const GestJsonLimits  *limits,
       GError               **error)
{
  return gest_json_limits_check (text, strlen (text), limits, error);
}

static char *
nested (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, i % 2 ? "{\"a\":" : "[");
  g_string_append (s, "1");
  for (guint i = depth; i > 0; i--)
    g_string_append (s, (i - 1) % 2 ? "}" : "]");
  return g_string_free (s, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *at_limit = nested (GEST_JSON_MAX_DEPTH);
  g_autofree char *over = nested (GEST_JSON_MAX_DEPTH + 1);
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autoptr(GError) error = NULL;

  g_assert_true (check (at_limit, NULL, NULL));
  g_assert_false (check (over, NULL, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "64 levels"));
  g_clear_error (&error);
  /* Unbalanced text is the parser's business, but depth is counted anyway. */
  g_assert_false (check (deep, NULL, &error));
  g_clear_error (&error);
  /* Brackets inside strings, escaped quotes included, are not nesting. */
  g_assert_true (check ("{\"a\": \"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[\"}",
                        &(GestJsonLimits) { 2, 100, 1000 }, NULL));
  g_assert_false (check ("[[[\"\\\\\"]]]", &(GestJsonLimits) { 2, 100, 1000 }, NULL));
}

static void
test_elements_and_strings (void)
{
  GestJsonLimits small = { 64, 10, 8 };
  g_autoptr(GError) error = NULL;

  g_assert_true (check ("[1,2,3,4,5,6,7,8,9]", &small, NULL));
  g_assert_false (check ("[1,2,3,4,5,6,7,8,9,10,11]", &small, &error));
  g_assert_nonnull (strstr (error->message, "more than 10 values"));
  g_clear_error (&error);
  g_assert_true (check ("{\"12345678\": \"abcdefgh\"}", &small, NULL));
  g_assert_false (check ("{\"a\": \"abcdefghi\"}", &small, &error));
  g_assert_nonnull (strstr (error->message, "more than 8 bytes"));
  g_clear_error (&error);
  /* A string that never ends counts to the end of the text. */
  g_assert_false (check ("[\"abcdefghijk", &small, NULL));
  g_assert_true (check ("", NULL, NULL));
  g_assert_true (gest_json_limits_check ("[1]xxxx", 3, &small, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/X3/16.1/json-limits-depth", test_depth);
  g_test_add_func ("/core/X3/16.1/json-limits-elements-and-strings", test_elements_and_strings);
  return g_test_run ();
}
