/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-report-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "gest-report-chart.h"

#define BAR_HEIGHT   14.0
#define BAR_GAP      6.0
#define MAX_BARS     40
#define PADDING      8.0

static guint
n_bars (GestReportTable *table)
{
  return MIN (gest_report_table_get_n_rows (table), MAX_BARS);
}

gboolean
gest_report_chart_wanted (GestReportTable *table)
{
  guint column;

  g_return_val_if_fail (table != NULL, FALSE);
  column = gest_report_table_get_info (table)->chart_column;
  return column > 0 && column < gest_report_table_get_n_columns (table)
         && gest_report_table_get_n_rows (table) > 0;
}

double
gest_report_chart_get_height (GestReportTable *table)
{
  if (!gest_report_chart_wanted (table))
    return 0;
  return 2 * PADDING + n_bars (table) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + BAR_HEIGHT + BAR_GAP;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const char  *text,
           double       x,
           double       y,
           double       width,
           gboolean     right)
{
  int w, h;

  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_alignment (layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x, y + (BAR_HEIGHT - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

void
gest_report_chart_draw (GestReportTable *table,
                        cairo_t         *cr,
                        double           width,
                        double           height,
                        const double     fg[3])
{
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 8");
  g_autoptr(PangoLayout) layout = NULL;
  guint column, bars;
  double max = 0, label_width, value_width, bar_space, y;

  g_return_if_fail (table != NULL && cr != NULL);
  if (!gest_report_chart_wanted (table))
    return;

  column = gest_report_table_get_info (table)->chart_column;
  bars = n_bars (table);
  for (guint r = 0; r < bars; r++)
    max = MAX (max, gest_report_table_get_double (table, r, column));

  layout = pango_cairo_create_layout (cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);

  label_width = floor (width * 0.3);
  value_width = 64;
  bar_space = MAX (width - label_width - value_width - 3 * PADDING, 10);

  cairo_save (cr);
  /* The chart's title: the column it draws. */
  cairo_set_source_rgb (cr, fg[0], fg[1], fg[2]);
  show_text (cr, layout, gest_report_table_get_column_title (table, column), PADDING, PADDING,
             width - 2 * PADDING, FALSE);
  y = PADDING + BAR_HEIGHT + BAR_GAP;
  for (guint r = 0; r < bars; r++, y += BAR_HEIGHT + BAR_GAP)
    {
      g_autofree char *label = gest_report_table_format_cell (table, r, 0);
      g_autofree char *value = gest_report_table_format_cell (table, r, column);
      double v = gest_report_table_get_double (table, r, column);
      double length = max > 0 && v > 0 ? bar_space * v / max : 0;
      double bar_x = PADDING + label_width + PADDING;

      cairo_set_source_rgb (cr, fg[0], fg[1], fg[2]);
      show_text (cr, layout, label, PADDING, y, label_width, TRUE);
      /* The GNOME palette's blue 3. */
      cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      cairo_rectangle (cr, bar_x, y, MAX (length, v > 0 ? 1 : 0), BAR_HEIGHT);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, fg[0], fg[1], fg[2]);
      show_text (cr, layout, value, bar_x + length + 4, y, value_width, FALSE);
    }
  cairo_restore (cr);
  (void) height;
}
