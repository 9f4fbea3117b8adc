/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-report-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "gest-error.h"
#include "gest-report-chart.h"
#include "gest-report-pdf.h"

#define A4_WIDTH     595.28
#define A4_HEIGHT    841.89
#define MARGIN       42.0
#define FOOTER       24.0
#define TITLE_HEIGHT 64.0
#define ROW_HEIGHT   15.0
#define GAP          10.0

typedef enum
{
  BLOCK_TITLE,
  BLOCK_CHART,
  BLOCK_HEADER,
  BLOCK_ROW,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  guint      page;
  double     y;
  guint      table;
  guint      row;
} Block;

struct _GestReportPages
{
  GPtrArray *tables;   /* GestReportTable */
  double     width;
  double     height;
  GArray    *blocks;   /* Block, in page order */
  guint      n_pages;
};

static const double black[3] = { 0, 0, 0 };

static gboolean
is_number (GestReportColumnKind kind)
{
  return kind == GEST_REPORT_COLUMN_COUNT || kind == GEST_REPORT_COLUMN_MONEY
         || kind == GEST_REPORT_COLUMN_DAYS || kind == GEST_REPORT_COLUMN_PERCENT;
}

static void
add_block (GestReportPages *self,
           BlockKind        kind,
           guint            page,
           double           y,
           guint            table,
           guint            row)
{
  Block block = { kind, page, y, table, row };

  g_array_append_val (self->blocks, block);
}

static void
lay_out (GestReportPages *self)
{
  double bottom = self->height - MARGIN - FOOTER;
  guint page = 0;

  for (guint t = 0; t < self->tables->len; t++)
    {
      GestReportTable *table = g_ptr_array_index (self->tables, t);
      double chart = MIN (gest_report_chart_get_height (table), bottom - MARGIN - TITLE_HEIGHT);
      double y = MARGIN;

      if (t > 0)
        page++;
      add_block (self, BLOCK_TITLE, page, y, t, 0);
      y += TITLE_HEIGHT;
      if (chart > 0)
        {
          add_block (self, BLOCK_CHART, page, y, t, 0);
          y += chart + GAP;
        }
      add_block (self, BLOCK_HEADER, page, y, t, 0);
      y += ROW_HEIGHT + 4;
      for (guint r = 0; r < gest_report_table_get_n_rows (table); r++)
        {
          if (y + ROW_HEIGHT > bottom)
            {
              page++;
              y = MARGIN;
              add_block (self, BLOCK_HEADER, page, y, t, 0);
              y += ROW_HEIGHT + 4;
            }
          add_block (self, BLOCK_ROW, page, y, t, r);
          y += ROW_HEIGHT;
        }
    }
  self->n_pages = page + 1;
}

static void
text_at (cairo_t              *cr,
         PangoLayout          *layout,
         const char           *text,
         double                x,
         double                y,
         double                width,
         PangoAlignment        alignment)
{
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Column widths: the first column (the row's label) gets 40 % when there are others. */
static double
column_x (GestReportTable *table,
          double           content,
          guint            column,
          double          *out_width)
{
  guint n = gest_report_table_get_n_columns (table);
  double first = n > 1 ? content * 0.4 : content;
  double other = n > 1 ? (content - first) / (n - 1) : 0;

  *out_width = column == 0 ? first : other;
  return MARGIN + (column == 0 ? 0 : first + (column - 1) * other);
}

static void
draw_title (GestReportPages *self,
            cairo_t         *cr,
            PangoLayout     *layout,
            GestReportTable *table,
            double           y)
{
  double content = self->width - 2 * MARGIN;
  const GestReportInfo *info = gest_report_table_get_info (table);
  g_autoptr(PangoFontDescription) title_font = pango_font_description_from_string ("Sans Bold 14");
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 9");

  pango_layout_set_font_description (layout, title_font);
  text_at (cr, layout, gest_report_table_get_title (table), MARGIN, y, content, PANGO_ALIGN_LEFT);
  pango_layout_set_font_description (layout, font);
  if (gest_report_table_has_period (table))
    {
      g_autofree char *period = gest_report_period_format (gest_report_table_get_period (table));
      g_autofree char *line = g_strdup_printf (_("Period: %s"), period);

      text_at (cr, layout, line, MARGIN, y + 22, content, PANGO_ALIGN_LEFT);
    }
  if (info->description != NULL)
    {
      pango_layout_set_height (layout, -2);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      text_at (cr, layout, _(info->description), MARGIN, y + 36, content, PANGO_ALIGN_LEFT);
      pango_layout_set_height (layout, -1);
    }
}

static void
draw_row (GestReportPages *self,
          cairo_t         *cr,
          PangoLayout     *layout,
          GestReportTable *table,
          double           y,
          gint             row)   /* -1: the column titles */
{
  double content = self->width - 2 * MARGIN;
  g_autoptr(PangoFontDescription) font =
    pango_font_description_from_string (row < 0 ? "Sans Bold 8" : "Sans 8");

  pango_layout_set_font_description (layout, font);
  for (guint c = 0; c < gest_report_table_get_n_columns (table); c++)
    {
      double width;
      double x = column_x (table, content, c, &width);
      g_autofree char *text = row < 0 ? g_strdup (gest_report_table_get_column_title (table, c))
                                      : gest_report_table_format_cell (table, row, c);

      text_at (cr, layout, text, x + 2, y + 2, width - 4,
               is_number (gest_report_table_get_column_kind (table, c)) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  cairo_set_line_width (cr, row < 0 ? 0.8 : 0.3);
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_move_to (cr, MARGIN, y + ROW_HEIGHT + (row < 0 ? 1 : 0));
  cairo_line_to (cr, MARGIN + content, y + ROW_HEIGHT + (row < 0 ? 1 : 0));
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GestReportPages *
gest_report_pages_new (GestReportTable * const *tables,
                       guint                    n_tables,
                       double                   width,
                       double                   height)
{
  GestReportPages *self = g_new0 (GestReportPages, 1);

  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) gest_report_table_unref);
  for (guint i = 0; i < n_tables; i++)
    g_ptr_array_add (self->tables, gest_report_table_ref (tables[i]));
  self->width = width;
  self->height = height;
  self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  lay_out (self);
  return self;
}

void
gest_report_pages_free (GestReportPages *self)
{
  g_ptr_array_unref (self->tables);
  g_array_unref (self->blocks);
  g_free (self);
}

guint
gest_report_pages_get_n_pages (GestReportPages *self)
{
  return self->n_pages;
}

void
gest_report_pages_draw (GestReportPages *self,
                        cairo_t         *cr,
                        guint            page)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autofree char *footer = NULL;

  g_return_if_fail (page < self->n_pages);

  layout = pango_cairo_create_layout (cr);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      GestReportTable *table = g_ptr_array_index (self->tables, block->table);

      if (block->page != page)
        continue;
      switch (block->kind)
        {
        case BLOCK_TITLE:
          draw_title (self, cr, layout, table, block->y);
          break;
        case BLOCK_CHART:
          cairo_save (cr);
          cairo_translate (cr, MARGIN, block->y);
          gest_report_chart_draw (table, cr, self->width - 2 * MARGIN,
                                  gest_report_chart_get_height (table), black);
          cairo_restore (cr);
          break;
        case BLOCK_HEADER:
          draw_row (self, cr, layout, table, block->y, -1);
          break;
        case BLOCK_ROW:
        default:
          draw_row (self, cr, layout, table, block->y, block->row);
          break;
        }
    }

  pango_layout_set_font_description (layout, font);
  footer = g_strdup_printf (_("Page %u of %u"), page + 1, self->n_pages);
  text_at (cr, layout, footer, MARGIN, self->height - MARGIN - 10, self->width - 2 * MARGIN,
           PANGO_ALIGN_CENTER);
  cairo_restore (cr);
}

GBytes *
gest_report_pdf_render (GestReportTable * const *tables,
                        guint                    n_tables,
                        GError                 **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GestReportPages) pages = gest_report_pages_new (tables, n_tables, A4_WIDTH, A4_HEIGHT);
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Gestiona");
  if (n_tables > 0)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                    gest_report_table_get_title (tables[0]));
  for (guint p = 0; p < gest_report_pages_get_n_pages (pages); p++)
    {
      gest_report_pages_draw (pages, cr, p);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("The report’s PDF could not be drawn: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
gest_report_pdf_write (const char              *path,
                       GestReportTable * const *tables,
                       guint                    n_tables,
                       GError                 **error)
{
  g_autoptr(GBytes) bytes = gest_report_pdf_render (tables, n_tables, error);
  g_autoptr(GError) local = NULL;

  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The PDF “%s” could not be written: %s. Choose a folder where you can write."),
                   path, local->message);
      return FALSE;
    }
  return TRUE;
}
