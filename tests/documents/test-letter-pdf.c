/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q8: the answer letter as a print-ready PDF (cairo + pango): the text poppler extracts back
 * is the resolved template with the letterhead, the date in Spanish, the folio and the page
 * numbers; a long body takes two pages. */
#include "config.h"

#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "gest-error.h"
#include "gest-letter-pdf.h"
#include "gest-template.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static const char *body_template =
  "Estimado(a) {{customer.name}}:\n\n"
  "En atención a su queja con folio {{case.folio}}, le informamos que revisamos su estado de cuenta "
  "y aplicaremos el ajuste de {{case.amount}} a su plan {{plan.number}} en la siguiente mensualidad.\n\n"
  "Agradecemos su confianza & paciencia; quedamos a sus órdenes.";

static GHashTable *
values_new (void)
{
  GHashTable *values = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (values, (char *) "customer.name", (char *) "José Ñúñez <Pérez>");
  g_hash_table_insert (values, (char *) "case.folio", (char *) "QJA-2026-000123");
  g_hash_table_insert (values, (char *) "case.amount", (char *) "$1,250.00");
  g_hash_table_insert (values, (char *) "plan.number", (char *) "0123-456");
  return values;
}

static GestLetterHead *
head_new (void)
{
  GestLetterHead *head = g_new0 (GestLetterHead, 1);

  head->name = g_strdup ("Autos del Valle, S.A. de C.V.");
  head->address = g_strdup ("Av. Insurgentes Sur 1234, Col. del Valle");
  head->phones = g_strdup ("55 1234 5678");
  head->city = g_strdup ("Ciudad de México");
  head->paper = GEST_LETTER_PAPER_LETTER;
  return head;
}

/* Whitespace runs become one space: poppler breaks lines where pango wrapped them. */
static char *
normalize (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *collapsed = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  return g_strstrip (g_strdup (collapsed));
}

static PopplerDocument *
open_pdf (GBytes *pdf)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (pdf, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = poppler_page_get_text (page);

  return normalize (text);
}

static void
test_text_equals_resolved (void)
{
  g_autoptr(GHashTable) values = values_new ();
  g_autoptr(GestLetterHead) head = head_new ();
  g_autofree char *markup = gest_template_resolve (body_template, values, GEST_TEMPLATE_MARKUP);
  g_autofree char *plain = gest_template_resolve (body_template, values, GEST_TEMPLATE_PLAIN);
  GestLetter letter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_raw = NULL;

  letter.head = head;
  g_date_set_dmy (&letter.date, 6, G_DATE_DECEMBER, 2026);
  letter.folio = "QJA-2026-000123";
  letter.recipient = "José Ñúñez <Pérez>\nCalle 5 de Mayo 10, Puebla";
  letter.subject = "Respuesta a su queja";
  letter.body = markup;
  letter.signature = "Atentamente\nPatricia Gómez Lara\nJefa de atención a clientes";
  pdf = gest_letter_pdf_render (&letter, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_cmpmem (g_bytes_get_data (pdf, NULL), 5, "%PDF-", 5);

  document = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  text = page_text (document, 0);
  expected_raw = g_strconcat ("Autos del Valle, S.A. de C.V. ",
                              "Av. Insurgentes Sur 1234, Col. del Valle · Tel. 55 1234 5678 ",
                              "Ciudad de México, 6 de diciembre de 2026 ",
                              "Folio: QJA-2026-000123 ",
                              letter.recipient, " ",
                              "Asunto: Respuesta a su queja ",
                              plain, " ",
                              letter.signature, " ",
                              "Página 1 de 1", NULL);
  expected = normalize (expected_raw);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_long_body_two_pages (void)
{
  g_autoptr(GestLetterHead) head = head_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  GestLetter letter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  for (guint i = 1; i <= 14; i++)
    g_string_append_printf (body, "Párrafo %u. Le explicamos con detalle cada uno de los movimientos de su "
                            "plan y las gestiones realizadas por las áreas involucradas en su caso, con "
                            "las fechas y los montos que correspondan.\n\n", i);
  letter.head = head;
  g_date_set_dmy (&letter.date, 15, G_DATE_JANUARY, 2027);
  letter.folio = "QJA-2027-000001";
  letter.body = body->str;
  letter.signature = "Atentamente\nLaura Méndez Ortiz";
  pdf = gest_letter_pdf_render (&letter, &error);
  g_assert_no_error (error);

  document = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  first = page_text (document, 0);
  second = page_text (document, 1);
  g_assert_true (g_str_has_suffix (first, "Página 1 de 2"));
  g_assert_true (g_str_has_suffix (second, "Atentamente Laura Méndez Ortiz Página 2 de 2"));
  /* The letterhead on every page; the body goes on where the first page ended. */
  g_assert_true (g_str_has_prefix (second, "Autos del Valle, S.A. de C.V."));
  g_assert_nonnull (strstr (first, "Párrafo 1. "));
  g_assert_null (strstr (first, "Párrafo 14. "));
  g_assert_nonnull (strstr (second, "Párrafo 14. "));
}

static void
test_date_in_spanish (void)
{
  GDate date;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 6, G_DATE_DECEMBER, 2026);
  a = gest_letter_format_date ("Ciudad de México", &date);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, 2027);
  b = gest_letter_format_date ("Puebla", &date);
  g_date_set_dmy (&date, 30, G_DATE_SEPTEMBER, 2026);
  c = gest_letter_format_date (NULL, &date);
  g_assert_cmpstr (a, ==, "Ciudad de México, 6 de diciembre de 2026");
  g_assert_cmpstr (b, ==, "Puebla, 1 de enero de 2027");
  g_assert_cmpstr (c, ==, "30 de septiembre de 2026");
}

static void
test_bad_markup_refused (void)
{
  GestLetter letter = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  g_date_set_dmy (&letter.date, 6, G_DATE_DECEMBER, 2026);
  letter.body = "Texto <b>sin cerrar";
  pdf = gest_letter_pdf_render (&letter, &error);
  g_assert_null (pdf);
  g_assert_error (error, GEST_ERROR, GEST_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "The letter’s text cannot be laid out ("));
  g_assert_true (g_str_has_suffix (error->message, "); correct its template."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/letter-pdf/Q8/text-equals-resolved-template", test_text_equals_resolved);
  g_test_add_func ("/letter-pdf/Q8/long-body-two-pages-numbered", test_long_body_two_pages);
  g_test_add_func ("/letter-pdf/Q8/date-in-spanish", test_date_in_spanish);
  g_test_add_func ("/letter-pdf/Q8/bad-markup-refused", test_bad_markup_refused);
  return g_test_run ();
}
