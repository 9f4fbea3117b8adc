/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Templates with placeholders (Q6: the "in process" message, Q8: the answer letter): parse,
 * check against a kind's placeholders (unknown ones refused with the allowed list), resolve,
 * escape for Pango markup. */
#include "config.h"

#include <locale.h>

#include "gest-error.h"
#include "gest-template.h"

static const GestTemplatePlaceholder placeholders[] = {
  { "customer.name", "Customer’s name" },
  { "case.folio", "Folio" },
};
static const GestTemplateKind kind = {
  "test.letter", "Test letter", "settings.dealer", placeholders, G_N_ELEMENTS (placeholders),
};

static void
test_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names =
    gest_template_parse ("Estimado {{customer.name}}:\nsu caso {{ case.folio }} y {{customer.name}}.", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "customer.name");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "case.folio");
}

static void
test_parse_malformed (void)
{
  const char *bad[] = { "a\nb {{Customer.name}}", "a\nb {{customer.name}", "a\nb {{}}", "a\nb {{customer name}}" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) names = gest_template_parse (bad[i], &error);

      g_assert_null (names);
      g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==,
                       "Line 2 has “{{” that does not start a placeholder: write a name such as "
                       "{{customer.name}} (lower case, no spaces inside) and close it with “}}”.");
    }
}

/* Unknown placeholders are refused with the name and the allowed list. */
static void
test_check_unknown (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_template_check ("Hola {{customer.name}}, folio {{case.folio}}", &kind, &error));
  g_assert_no_error (error);
  g_assert_false (gest_template_check ("Hola {{customer.name}}, {{customer.nmae}}", &kind, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "{{customer.nmae}} is not a placeholder of the template kind “Test letter”. "
                   "Correct it or use one of these: {{customer.name}}, {{case.folio}}.");
}

static void
test_resolve (void)
{
  g_autoptr(GHashTable) values = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *plain = NULL;
  g_autofree char *markup = NULL;

  g_hash_table_insert (values, (char *) "customer.name", (char *) "Ramírez & Hijos <S.A.>");
  g_hash_table_insert (values, (char *) "case.folio", (char *) "QJA-2026-000001");
  plain = gest_template_resolve ("A {{customer.name}} ({{ case.folio }}) {{other}}<b>", values, GEST_TEMPLATE_PLAIN);
  markup = gest_template_resolve ("A {{customer.name}} ({{ case.folio }}) {{other}}<b>", values, GEST_TEMPLATE_MARKUP);
  g_assert_cmpstr (plain, ==, "A Ramírez & Hijos <S.A.> (QJA-2026-000001) <b>");
  g_assert_cmpstr (markup, ==, "A Ramírez &amp; Hijos &lt;S.A.&gt; (QJA-2026-000001) &lt;b&gt;");
}

static void
test_kinds_registry (void)
{
  gest_template_kinds_add (&kind, 1);
  gest_template_kinds_add (&kind, 1);
  g_assert_true (gest_template_kind_find ("test.letter") == &kind);
  g_assert_null (gest_template_kind_find ("test.other"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/template/Q8/parse-in-order", test_parse);
  g_test_add_func ("/template/Q8/malformed-refused-with-line", test_parse_malformed);
  g_test_add_func ("/template/Q8/unknown-placeholder-refused-with-allowed-list", test_check_unknown);
  g_test_add_func ("/template/Q6/resolve-plain-and-markup", test_resolve);
  g_test_add_func ("/template/Q8/kinds-registry", test_kinds_registry);
  return g_test_run ();
}
