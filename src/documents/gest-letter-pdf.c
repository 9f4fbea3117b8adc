/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-letter-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "gest-error.h"
#include "gest-letter-pdf.h"

#define MARGIN        72.0    /* 1 in */
#define HEAD_HEIGHT   64.0    /* the letterhead, above the text */
#define FOOT_HEIGHT   36.0    /* the page number, below the text */
#define BODY_FONT     "Sans 10.5"
#define PARAGRAPH_GAP 8.0

/* A line of text placed on a page. */
typedef struct
{
  PangoLayoutLine *line;   /* borrowed from its layout, kept alive by Flow.layouts */
  double           x;
  double           baseline;
  guint            page;
} Placed;

/* The text laid out into pages. */
typedef struct
{
  PangoContext *context;
  double        width;       /* of the text column */
  double        top;
  double        bottom;
  double        y;
  guint         page;
  GPtrArray    *layouts;
  GArray       *placed;
} Flow;

static const char * const months[] = {
  "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
  "octubre", "noviembre", "diciembre",
};

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *
new_layout (PangoContext   *context,
            const char     *font,
            double          width,
            PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* Places @layout's lines after what is placed; @keep moves it whole to the next page when
 * it does not fit the rest of this one (and fits a page). */
static void
flow_add (Flow        *flow,
          PangoLayout *layout,
          double       space_before,
          gboolean     keep)
{
  PangoLayoutIter *iter;
  PangoRectangle ink, logical;
  double height;

  g_ptr_array_add (flow->layouts, layout);
  pango_layout_get_extents (layout, &ink, &logical);
  height = (double) logical.height / PANGO_SCALE;
  if (flow->y > flow->top)
    flow->y += space_before;
  if (keep && flow->y + height > flow->bottom && height <= flow->bottom - flow->top)
    {
      flow->page++;
      flow->y = flow->top;
    }

  iter = pango_layout_get_iter (layout);
  do
    {
      Placed placed;
      double line_height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_height = (double) logical.height / PANGO_SCALE;
      if (flow->y + line_height > flow->bottom && flow->y > flow->top)
        {
          flow->page++;
          flow->y = flow->top;
        }
      placed.line = pango_layout_iter_get_line_readonly (iter);
      placed.x = MARGIN + (double) logical.x / PANGO_SCALE;
      placed.baseline = flow->y + (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      placed.page = flow->page;
      g_array_append_val (flow->placed, placed);
      flow->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static gboolean
flow_add_markup (Flow        *flow,
                 const char  *font,
                 const char  *markup,
                 double       space_before,
                 gboolean     keep,
                 GError     **error)
{
  PangoLayout *layout = new_layout (flow->context, font, flow->width, PANGO_ALIGN_LEFT);
  g_autoptr(GError) local_error = NULL;

  if (!pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &local_error))
    {
      g_object_unref (layout);
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The letter’s text cannot be laid out (%s); correct its template."), local_error->message);
      return FALSE;
    }
  pango_layout_set_markup (layout, markup, -1);
  flow_add (flow, layout, space_before, keep);
  return TRUE;
}

static void
flow_add_text (Flow           *flow,
               const char     *font,
               const char     *text,
               PangoAlignment  alignment,
               double          space_before,
               gboolean        keep)
{
  PangoLayout *layout = new_layout (flow->context, font, flow->width, alignment);

  pango_layout_set_text (layout, text, -1);
  flow_add (flow, layout, space_before, keep);
}

/* The body's paragraphs: separated by blank lines; a single newline stays a line break. */
static gboolean
flow_add_body (Flow        *flow,
               const char  *body,
               GError     **error)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", body, 0, 0);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *paragraph = g_strstrip (g_strdup (paragraphs[i]));

      if (paragraph[0] == '\0')
        continue;
      if (!flow_add_markup (flow, BODY_FONT, paragraph, i == 0 ? 2 * PARAGRAPH_GAP : PARAGRAPH_GAP, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static void
show_text (cairo_t        *cr,
           PangoContext   *context,
           const char     *font,
           const char     *text,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = new_layout (context, font, width, alignment);

  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_letterhead (cairo_t              *cr,
                 PangoContext         *context,
                 const GestLetterHead *head,
                 double                page_width)
{
  double width = page_width - 2 * MARGIN;
  g_autoptr(GString) contact = g_string_new (NULL);

  if (head->address != NULL && head->address[0] != '\0')
    g_string_append (contact, head->address);
  if (head->phones != NULL && head->phones[0] != '\0')
    g_string_append_printf (contact, "%sTel. %s", contact->len > 0 ? " · " : "", head->phones);

  cairo_set_source_rgb (cr, 0.10, 0.20, 0.40);
  show_text (cr, context, "Sans Bold 14", head->name != NULL ? head->name : "", MARGIN, MARGIN - 36, width,
             PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  show_text (cr, context, "Sans 8.5", contact->str, MARGIN, MARGIN - 14, width, PANGO_ALIGN_LEFT);
  cairo_set_source_rgb (cr, 0.10, 0.20, 0.40);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, MARGIN, MARGIN + 2);
  cairo_line_to (cr, page_width - MARGIN, MARGIN + 2);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

char *
gest_letter_format_date (const char  *city,
                         const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (city != NULL && city[0] != '\0')
    return g_strdup_printf ("%s, %u de %s de %u", city, g_date_get_day (date),
                            months[g_date_get_month (date) - 1], g_date_get_year (date));
  return g_strdup_printf ("%u de %s de %u", g_date_get_day (date), months[g_date_get_month (date) - 1],
                          g_date_get_year (date));
}

GestLetterHead *
gest_letter_head_load (GestStore *store)
{
  GestLetterHead *head = g_new0 (GestLetterHead, 1);
  g_autofree char *paper = gest_store_get_setting (store, "dealer.paper");

  head->name = gest_store_get_setting (store, "dealer.name");
  head->address = gest_store_get_setting (store, "dealer.address");
  head->phones = gest_store_get_setting (store, "dealer.phones");
  head->city = gest_store_get_setting (store, "dealer.city");
  if (head->city == NULL || head->city[0] == '\0')
    {
      g_free (head->city);
      head->city = g_strdup ("Ciudad de México");
    }
  head->paper = g_strcmp0 (paper, "a4") == 0 ? GEST_LETTER_PAPER_A4 : GEST_LETTER_PAPER_LETTER;
  return head;
}

void
gest_letter_head_free (GestLetterHead *head)
{
  if (head == NULL)
    return;
  g_free (head->name);
  g_free (head->address);
  g_free (head->phones);
  g_free (head->city);
  g_free (head);
}

/* Lays out @letter and draws its pages on @cr (the surface's page size set to its paper). */
static gboolean
draw_letter (cairo_t           *cr,
             cairo_surface_t   *surface,
             const GestLetter  *letter,
             GError           **error)
{
  static const GestLetterHead no_head = { NULL, NULL, NULL, NULL, GEST_LETTER_PAPER_LETTER };
  const GestLetterHead *head = letter->head != NULL ? letter->head : &no_head;
  double page_width = head->paper == GEST_LETTER_PAPER_A4 ? 595.28 : 612.0;
  double page_height = head->paper == GEST_LETTER_PAPER_A4 ? 841.89 : 792.0;
  Flow flow = { 0 };
  guint n_pages;
  gboolean ok = TRUE;

  cairo_pdf_surface_set_size (surface, page_width, page_height);
  flow.context = pango_cairo_create_context (cr);
  flow.width = page_width - 2 * MARGIN;
  flow.top = MARGIN + HEAD_HEIGHT / 3;
  flow.bottom = page_height - MARGIN - FOOT_HEIGHT / 3;
  flow.y = flow.top;
  flow.layouts = g_ptr_array_new_with_free_func (g_object_unref);
  flow.placed = g_array_new (FALSE, FALSE, sizeof (Placed));

  /* The place and date and the folio, right; the addressee and the subject, left. */
  {
    g_autofree char *date = gest_letter_format_date (head->city, &letter->date);

    flow_add_text (&flow, BODY_FONT, date, PANGO_ALIGN_RIGHT, 0, FALSE);
    if (letter->folio != NULL && letter->folio[0] != '\0')
      {
        g_autofree char *folio = g_strdup_printf ("Folio: %s", letter->folio);

        flow_add_text (&flow, "Sans Bold 10.5", folio, PANGO_ALIGN_RIGHT, 0, FALSE);
      }
  }
  if (letter->recipient != NULL && letter->recipient[0] != '\0')
    flow_add_text (&flow, BODY_FONT, letter->recipient, PANGO_ALIGN_LEFT, 3 * PARAGRAPH_GAP, TRUE);
  if (letter->subject != NULL && letter->subject[0] != '\0')
    {
      g_autofree char *subject = g_strdup_printf ("Asunto: %s", letter->subject);

      flow_add_text (&flow, "Sans Bold 10.5", subject, PANGO_ALIGN_LEFT, 2 * PARAGRAPH_GAP, TRUE);
    }
  if (letter->body != NULL && letter->body[0] != '\0')
    ok = flow_add_body (&flow, letter->body, error);
  if (ok && letter->signature != NULL && letter->signature[0] != '\0')
    flow_add_text (&flow, BODY_FONT, letter->signature, PANGO_ALIGN_LEFT, 4 * PARAGRAPH_GAP, TRUE);

  n_pages = flow.page + 1;
  for (guint page = 0, i = 0; ok && page < n_pages; page++)
    {
      g_autofree char *number = g_strdup_printf ("Página %u de %u", page + 1, n_pages);

      draw_letterhead (cr, flow.context, head, page_width);
      for (; i < flow.placed->len && g_array_index (flow.placed, Placed, i).page == page; i++)
        {
          Placed *placed = &g_array_index (flow.placed, Placed, i);

          cairo_move_to (cr, placed->x, placed->baseline);
          pango_cairo_show_layout_line (cr, placed->line);
        }
      cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
      show_text (cr, flow.context, "Sans 8.5", number, MARGIN, page_height - MARGIN + 12, flow.width,
                 PANGO_ALIGN_CENTER);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_show_page (cr);
    }

  g_array_unref (flow.placed);
  g_ptr_array_unref (flow.layouts);
  g_object_unref (flow.context);
  return ok;
}

GBytes *
gest_letter_pdf_render (const GestLetter  *letter,
                        GError           **error)
{
  g_return_val_if_fail (letter != NULL, NULL);

  return gest_letter_pdf_render_many (letter, 1, error);
}

GBytes *
gest_letter_pdf_render_many (const GestLetter  *letters,
                             guint              n_letters,
                             GError           **error)
{
  GByteArray *bytes;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok = TRUE;
  cairo_status_t status;

  g_return_val_if_fail (letters != NULL && n_letters > 0, NULL);
  for (guint i = 0; i < n_letters; i++)
    g_return_val_if_fail (g_date_valid (&letters[i].date), NULL);

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, 612.0, 792.0);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gestiona");
  if (n_letters == 1 && letters[0].folio != NULL && letters[0].folio[0] != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, letters[0].folio);
  cr = cairo_create (surface);
  for (guint i = 0; ok && i < n_letters; i++)
    ok = draw_letter (cr, surface, &letters[i], error);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (ok && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE, _("The letter’s PDF could not be written: %s."),
                   cairo_status_to_string (status));
      ok = FALSE;
    }
  if (!ok)
    {
      g_byte_array_unref (bytes);
      return NULL;
    }
  return g_byte_array_free_to_bytes (bytes);
}
