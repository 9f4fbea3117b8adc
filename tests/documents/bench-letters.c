/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Q8 benchmark: 1,000 answer letters to PDF. Each letter resolves an answer-letter template
 * for another customer (gest_template_resolve()) and renders it with gest_letter_pdf_render()
 * (letterhead, date, folio, paragraphs laid out line by line into pages, signature, page
 * numbers), into memory. The reference, in the same run and process: a minimal cairo + pango
 * program that draws the same texts with the same fonts on the same pages, one layout per
 * block and no pagination. Each side runs 3 times, alternating; the medians are compared.
 * Goal: ratio <= 1.5. Exits 0 whatever the ratio. GESTIONA_BENCH_SCALE=N: N letters. */
#include "config.h"

#include <cairo-pdf.h>
#include <locale.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "gest-letter-pdf.h"
#include "gest-template.h"

#define RUNS 3

static const char *body_template =
  "Estimado(a) {{customer.name}}:\n\n"
  "En atención a su queja con folio {{complaint.folio}}, recibida el {{complaint.date}}, le informamos "
  "que el área de crédito revisó su estado de cuenta y los pagos registrados de su plan "
  "{{plan.number}}.\n\n"
  "Como solución, {{complaint.solution}}\n\n"
  "Le agradecemos la confianza depositada en nosotros y quedamos a sus órdenes en el teléfono "
  "{{dealer.phones}} para cualquier aclaración.";

typedef struct
{
  char *folio;
  char *recipient;
  char *markup;
} Letter;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GPtrArray *
letters_new (guint n)
{
  GPtrArray *letters = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      Letter *letter = g_new0 (Letter, 1);

      letter->folio = g_strdup_printf ("QJA-2026-%06u", i + 1);
      g_hash_table_insert (values, (char *) "customer.name", g_strdup_printf ("Cliente Número %u Pérez", i + 1));
      g_hash_table_insert (values, (char *) "complaint.folio", g_strdup (letter->folio));
      g_hash_table_insert (values, (char *) "complaint.date", g_strdup ("02/12/2026"));
      g_hash_table_insert (values, (char *) "plan.number", g_strdup_printf ("%04u-%03u", i % 9999, i % 997));
      g_hash_table_insert (values, (char *) "complaint.solution",
                           g_strdup ("aplicaremos a su plan el ajuste de $1,250.00 en la próxima mensualidad y "
                                     "le enviaremos el estado de cuenta corregido."));
      g_hash_table_insert (values, (char *) "dealer.phones", g_strdup ("55 1234 5678"));
      letter->markup = gest_template_resolve (body_template, values, GEST_TEMPLATE_MARKUP);
      letter->recipient = g_strdup_printf ("Cliente Número %u Pérez\nCalle %u, Puebla", i + 1, i);
      g_ptr_array_add (letters, letter);
    }
  return letters;
}

static gint64
run_gestiona (GPtrArray            *letters,
              const GestLetterHead *head,
              gsize                *total)
{
  gint64 start = g_get_monotonic_time ();

  *total = 0;
  for (guint i = 0; i < letters->len; i++)
    {
      Letter *l = g_ptr_array_index (letters, i);
      GestLetter letter = { 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pdf = NULL;

      letter.head = head;
      g_date_set_dmy (&letter.date, 6, G_DATE_DECEMBER, 2026);
      letter.folio = l->folio;
      letter.recipient = l->recipient;
      letter.subject = "Respuesta a su queja";
      letter.body = l->markup;
      letter.signature = "Atentamente\nPatricia Gómez Lara\nJefa de atención a clientes";
      pdf = gest_letter_pdf_render (&letter, &error);
      if (pdf == NULL)
        {
          g_printerr ("render failed: %s\n", error->message);
          exit (1);
        }
      *total += g_bytes_get_size (pdf);
    }
  return g_get_monotonic_time () - start;
}

static void
show (cairo_t      *cr,
      PangoLayout  *layout,
      const char   *font,
      const char   *text,
      gboolean      markup,
      double        x,
      double        y)
{
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* The minimal program: the same texts, fonts and page, drawn as they come. */
static gint64
run_minimal (GPtrArray *letters,
             gsize     *total)
{
  gint64 start = g_get_monotonic_time ();

  *total = 0;
  for (guint i = 0; i < letters->len; i++)
    {
      Letter *l = g_ptr_array_index (letters, i);
      GByteArray *bytes = g_byte_array_new ();
      cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, 612, 792);
      cairo_t *cr = cairo_create (surface);
      PangoLayout *layout = pango_cairo_create_layout (cr);
      g_autofree char *folio = g_strdup_printf ("Folio: %s", l->folio);
      g_autofree char *body = g_strconcat (l->markup, "\n\nAtentamente\nPatricia Gómez Lara\n"
                                           "Jefa de atención a clientes", NULL);

      pango_layout_set_width (layout, 468 * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      show (cr, layout, "Sans Bold 14", "Autos del Valle, S.A. de C.V.", FALSE, 72, 36);
      show (cr, layout, "Sans 8.5", "Av. Insurgentes Sur 1234, Col. del Valle · Tel. 55 1234 5678", FALSE, 72, 58);
      cairo_move_to (cr, 72, 74);
      cairo_line_to (cr, 540, 74);
      cairo_stroke (cr);
      show (cr, layout, "Sans 10.5", "Ciudad de México, 6 de diciembre de 2026", FALSE, 330, 94);
      show (cr, layout, "Sans Bold 10.5", folio, FALSE, 400, 110);
      show (cr, layout, "Sans 10.5", l->recipient, FALSE, 72, 140);
      show (cr, layout, "Sans Bold 10.5", "Asunto: Respuesta a su queja", FALSE, 72, 185);
      show (cr, layout, "Sans 10.5", body, TRUE, 72, 210);
      show (cr, layout, "Sans 8.5", "Página 1 de 1", FALSE, 280, 730);
      cairo_show_page (cr);
      g_object_unref (layout);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      *total += bytes->len;
      g_byte_array_unref (bytes);
    }
  return g_get_monotonic_time () - start;
}

static int
cmp_int64 (gconstpointer a,
           gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  const char *scale = g_getenv ("GESTIONA_BENCH_SCALE");
  guint n = scale != NULL ? (guint) atoi (scale) : 1000;
  g_autoptr(GPtrArray) letters = NULL;
  GestLetterHead head = { (char *) "Autos del Valle, S.A. de C.V.", (char *) "Av. Insurgentes Sur 1234, Col. del Valle",
                          (char *) "55 1234 5678", (char *) "Ciudad de México", GEST_LETTER_PAPER_LETTER };
  gint64 ours[RUNS], minimal[RUNS];
  gsize ours_bytes = 0, minimal_bytes = 0;

  setlocale (LC_ALL, "C.UTF-8");
  if (n == 0)
    n = 1000;
  letters = letters_new (n);
  /* Warm-up: fonts loaded, caches filled, for both sides. */
  {
    g_autoptr(GPtrArray) few = letters_new (5);
    gsize ignored;

    run_gestiona (few, &head, &ignored);
    run_minimal (few, &ignored);
  }
  for (guint r = 0; r < RUNS; r++)
    {
      ours[r] = run_gestiona (letters, &head, &ours_bytes);
      minimal[r] = run_minimal (letters, &minimal_bytes);
    }
  qsort (ours, RUNS, sizeof (gint64), cmp_int64);
  qsort (minimal, RUNS, sizeof (gint64), cmp_int64);

  g_print ("letters: %u answer letters to PDF\n", n);
  g_print ("gestiona: median %.3f s (%.2f ms a letter, %zu bytes in all)\n", ours[RUNS / 2] / 1e6,
           ours[RUNS / 2] / 1e3 / n, ours_bytes);
  g_print ("minimal cairo+pango: median %.3f s (%.2f ms a letter, %zu bytes in all)\n", minimal[RUNS / 2] / 1e6,
           minimal[RUNS / 2] / 1e3 / n, minimal_bytes);
  g_print ("ratio: %.2f (goal <= 1.5)\n", (double) ours[RUNS / 2] / (double) minimal[RUNS / 2]);
  return 0;
}
