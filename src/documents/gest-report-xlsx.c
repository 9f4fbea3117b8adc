/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-report-xlsx"

#include "config.h"

#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "gest-error.h"
#include "gest-report-xlsx.h"

#define HEADER_ROW 3

typedef struct
{
  lxw_format *title;
  lxw_format *header;
  lxw_format *label;
  lxw_format *date;
  lxw_format *count;
  lxw_format *money;
  lxw_format *days;
  lxw_format *percent;
} Formats;

static void
formats_init (Formats       *f,
              lxw_workbook  *workbook)
{
  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->header = workbook_add_format (workbook);
  format_set_bold (f->header);
  format_set_bottom (f->header, LXW_BORDER_THIN);
  f->label = workbook_add_format (workbook);
  format_set_bold (f->label);
  f->date = workbook_add_format (workbook);
  format_set_num_format (f->date, "dd/mm/yyyy");
  f->count = workbook_add_format (workbook);
  format_set_num_format (f->count, "#,##0");
  f->money = workbook_add_format (workbook);
  format_set_num_format (f->money, "$#,##0.00");
  f->days = workbook_add_format (workbook);
  format_set_num_format (f->days, "0.0");
  f->percent = workbook_add_format (workbook);
  format_set_num_format (f->percent, "0.0%");
}

/* A sheet name Excel accepts: at most 31 characters, none of []:*?/\, unique in @used. */
static char *
sheet_name (const char *title,
            GPtrArray  *used)
{
  GString *name = g_string_new (NULL);
  g_autofree char *base = NULL;
  guint n = 1;

  for (const char *p = title; *p != '\0' && g_utf8_strlen (name->str, -1) < 31; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("[]:*?/\\", (int) c) != NULL && c < 128)
        c = '-';
      g_string_append_unichar (name, c);
    }
  base = g_string_free (name, FALSE);
  for (;;)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (base) : NULL;
      gboolean taken = FALSE;

      if (candidate == NULL)
        {
          g_autofree char *suffix = g_strdup_printf (" (%u)", n);
          glong keep = 31 - (glong) strlen (suffix);
          g_autofree char *cut = g_utf8_substring (base, 0, MIN (keep, g_utf8_strlen (base, -1)));

          candidate = g_strconcat (cut, suffix, NULL);
        }
      for (guint i = 0; i < used->len; i++)
        taken |= g_utf8_collate (g_ptr_array_index (used, i), candidate) == 0;
      if (!taken)
        {
          g_ptr_array_add (used, g_strdup (candidate));
          return g_steal_pointer (&candidate);
        }
      n++;
    }
}

static void
write_date (lxw_worksheet *sheet,
            lxw_row_t      row,
            lxw_col_t      col,
            const GDate   *day,
            lxw_format    *format)
{
  lxw_datetime dt = { g_date_get_year (day), g_date_get_month (day), g_date_get_day (day), 0, 0, 0 };

  worksheet_write_datetime (sheet, row, col, &dt, format);
}

static void
write_table (lxw_worksheet   *sheet,
             const Formats   *f,
             GestReportTable *table)
{
  guint n_columns = gest_report_table_get_n_columns (table);
  guint n_rows = gest_report_table_get_n_rows (table);
  g_autofree double *widths = g_new0 (double, MAX (n_columns, 3));

  worksheet_write_string (sheet, 0, 0, gest_report_table_get_title (table), f->title);
  if (gest_report_table_has_period (table))
    {
      GDate first, last;

      gest_report_period_get_days (gest_report_table_get_period (table), &first, &last);
      worksheet_write_string (sheet, 1, 0, _("Period"), f->label);
      write_date (sheet, 1, 1, &first, f->date);
      write_date (sheet, 1, 2, &last, f->date);
      widths[1] = widths[2] = 11;
    }

  for (guint c = 0; c < n_columns; c++)
    {
      const char *title = gest_report_table_get_column_title (table, c);

      worksheet_write_string (sheet, HEADER_ROW, c, title, f->header);
      widths[c] = MAX (widths[c], g_utf8_strlen (title, -1) + 2);
    }

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        lxw_row_t row = HEADER_ROW + 1 + r;
        GDate day;

        if (gest_report_table_is_null (table, r, c))
          continue;
        switch (gest_report_table_get_column_kind (table, c))
          {
          case GEST_REPORT_COLUMN_COUNT:
            worksheet_write_number (sheet, row, c, (double) gest_report_table_get_int (table, r, c), f->count);
            break;
          case GEST_REPORT_COLUMN_MONEY:
            worksheet_write_number (sheet, row, c, gest_report_table_get_int (table, r, c) / 100.0, f->money);
            widths[c] = MAX (widths[c], 14);
            break;
          case GEST_REPORT_COLUMN_DAYS:
            worksheet_write_number (sheet, row, c, gest_report_table_get_double (table, r, c), f->days);
            break;
          case GEST_REPORT_COLUMN_PERCENT:
            worksheet_write_number (sheet, row, c, gest_report_table_get_double (table, r, c) / 100.0, f->percent);
            break;
          case GEST_REPORT_COLUMN_DATE:
            if (gest_report_table_get_date (table, r, c, &day))
              {
                write_date (sheet, row, c, &day, f->date);
                widths[c] = MAX (widths[c], 11);
                break;
              }
            G_GNUC_FALLTHROUGH;
          case GEST_REPORT_COLUMN_TEXT:
          case GEST_REPORT_COLUMN_LABEL:
          case GEST_REPORT_COLUMN_END:
          default:
            {
              g_autofree char *text = gest_report_table_format_cell (table, r, c);

              worksheet_write_string (sheet, row, c, text, NULL);
              widths[c] = MAX (widths[c], MIN (g_utf8_strlen (text, -1) + 2, 60));
            }
            break;
          }
      }

  for (guint c = 0; c < n_columns; c++)
    worksheet_set_column (sheet, c, c, MAX (widths[c], 8), NULL);
}

gboolean
gest_report_xlsx_write (const char              *path,
                        GestReportTable * const *tables,
                        guint                    n_tables,
                        GError                 **error)
{
  g_autoptr(GPtrArray) used = g_ptr_array_new_with_free_func (g_free);
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_workbook *workbook;
  lxw_error status;
  Formats formats;

  g_return_val_if_fail (path != NULL && (tables != NULL || n_tables == 0), FALSE);

  workbook = workbook_new_opt (path, &options);
  if (workbook == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The spreadsheet “%s” could not be created. Choose a folder where you can write."), path);
      return FALSE;
    }
  formats_init (&formats, workbook);
  for (guint i = 0; i < n_tables; i++)
    {
      g_autofree char *name = sheet_name (gest_report_table_get_title (tables[i]), used);
      lxw_worksheet *sheet = workbook_add_worksheet (workbook, name);

      write_table (sheet, &formats, tables[i]);
    }
  if (n_tables == 0)
    workbook_add_worksheet (workbook, NULL);

  status = workbook_close (workbook);
  if (status != LXW_NO_ERROR)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("The spreadsheet “%s” could not be written: %s. Choose a folder where you can write."),
                   path, lxw_strerror (status));
      return FALSE;
    }
  return TRUE;
}
