/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-import"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "gest-error.h"
#include "gest-import-reader-private.h"

/* The CSV half of the reader, and the dispatch to the XLSX half. A CSV file is read in chunks
 * of CHUNK bytes; a Windows-1252 chunk is converted to UTF-8 as it is read (each byte is one
 * character, so a chunk converts alone), and the parser sees UTF-8 only. */

#define CHUNK (64 * 1024)

struct _GestImportReader
{
  GestImportFormat  format;
  const char       *encoding;
  char              separator;
  goffset           size;
  guint             row;
  const char       *problem;

  /* CSV */
  FILE             *file;
  gboolean          cp1252;
  GString          *raw;         /* the chunk read, converted to UTF-8 */
  gsize             pos;
  gboolean          eof;
  goffset           read_bytes;
  guint             line;        /* the line the parser is on */
  GString          *cells_buf;   /* the row's cells, NUL-separated */
  GArray           *offsets;     /* guint: start of each cell in cells_buf */

  /* XLSX */
  GestXlsxReader   *xlsx;
  GPtrArray        *xlsx_cells;

  GPtrArray        *cells;       /* const char *: what next() returns */
};

/* Windows-1252 bytes 0x80..0x9F (0 for the five it leaves undefined); 0xA0..0xFF are Latin-1. */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
  0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
  0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static void
append_cp1252 (GString    *out,
               const char *bytes,
               gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      guchar c = (guchar) bytes[i];

      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        {
          gunichar u = c < 0xA0 ? cp1252_high[c - 0x80] : c;

          g_string_append_unichar (out, u != 0 ? u : 0xFFFD);
        }
    }
}

/* Reads the next chunk into self->raw (what is left of the old one is dropped: the parser has
 * consumed it). A UTF-8 sequence cut at the chunk's end is kept for the next chunk. */
static gboolean
fill (GestImportReader  *self,
      GError           **error)
{
  char buf[CHUNK + 4];
  gsize n, keep = 0;

  g_string_truncate (self->raw, 0);
  self->pos = 0;
  if (self->eof)
    return TRUE;
  n = fread (buf, 1, CHUNK, self->file);
  if (ferror (self->file))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("The file could not be read: %s."),
                   g_strerror (errno));
      return FALSE;
    }
  self->read_bytes += n;
  if (n < CHUNK)
    self->eof = TRUE;
  if (self->cp1252)
    {
      append_cp1252 (self->raw, buf, n);
      return TRUE;
    }
  /* Completes a multi-byte character cut by the chunk's end. */
  if (!self->eof && n > 0)
    {
      gsize back = 0;

      while (back < 3 && back < n && ((guchar) buf[n - 1 - back] & 0xC0) == 0x80)
        back++;
      if (back < n && ((guchar) buf[n - 1 - back]) >= 0xC0)
        {
          guchar lead = (guchar) buf[n - 1 - back];
          gsize need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

          if (back + 1 < need)
            keep = need - (back + 1);
        }
      if (keep > 0)
        {
          gsize more = fread (buf + n, 1, keep, self->file);

          self->read_bytes += more;
          n += more;
          if (more < keep)
            self->eof = TRUE;
        }
    }
  g_string_append_len (self->raw, buf, n);
  return TRUE;
}

/* -1 at the end of the file. */
static inline int
next_char (GestImportReader  *self,
           GError           **error,
           gboolean          *failed)
{
  if (self->pos >= self->raw->len)
    {
      if (!fill (self, error))
        {
          *failed = TRUE;
          return -1;
        }
      if (self->raw->len == 0)
        return -1;
    }
  return (guchar) self->raw->str[self->pos++];
}

static inline int
peek_char (GestImportReader *self)
{
  if (self->pos >= self->raw->len)
    {
      if (!fill (self, NULL) || self->raw->len == 0)
        return -1;
    }
  return (guchar) self->raw->str[self->pos];
}

static void
end_cell (GestImportReader *self)
{
  g_string_append_c (self->cells_buf, '\0');
}

static void
start_cell (GestImportReader *self)
{
  guint offset = self->cells_buf->len;

  g_array_append_val (self->offsets, offset);
}

/* Parses one record (RFC 4180): fields separated by self->separator, "quoted" fields with ""
 * for a quote and line breaks inside, records ended by LF, CRLF or CR. FALSE at the end. */
static gboolean
parse_record (GestImportReader  *self,
              GError           **error,
              gboolean          *failed)
{
  gboolean quoted = FALSE, any = FALSE, after_quote = FALSE;
  int c;

  g_string_truncate (self->cells_buf, 0);
  g_array_set_size (self->offsets, 0);
  self->problem = NULL;
  self->row = self->line;
  start_cell (self);

  for (;;)
    {
      c = next_char (self, error, failed);
      if (c < 0)
        {
          if (*failed)
            return FALSE;
          if (quoted)
            self->problem = _("A quote opened in this row is never closed.");
          end_cell (self);
          return any;
        }
      any = TRUE;
      if (quoted)
        {
          if (c == '"')
            {
              if (peek_char (self) == '"')
                {
                  self->pos++;
                  g_string_append_c (self->cells_buf, '"');
                }
              else
                {
                  quoted = FALSE;
                  after_quote = TRUE;
                }
            }
          else
            {
              if (c == '\n')
                self->line++;
              g_string_append_c (self->cells_buf, (char) c);
            }
          continue;
        }
      if (c == self->separator)
        {
          end_cell (self);
          start_cell (self);
          after_quote = FALSE;
        }
      else if (c == '"' && !after_quote &&
               self->cells_buf->len == g_array_index (self->offsets, guint, self->offsets->len - 1))
        quoted = TRUE;
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && peek_char (self) == '\n')
            self->pos++;
          self->line++;
          end_cell (self);
          return TRUE;
        }
      else
        g_string_append_c (self->cells_buf, (char) c);
    }
}

static gboolean
row_is_blank (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *s = g_ptr_array_index (cells, i);

      for (; *s != '\0'; s++)
        if (!g_ascii_isspace (*s))
          return FALSE;
    }
  return TRUE;
}

/* The header line's most frequent separator outside quotes (comma, semicolon or tab); ','
 * when none appears. */
static char
detect_separator (const char *text,
                  gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len && text[i] != '\n' && (quoted || text[i] != '\r'); i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == ',')
        commas++;
      else if (!quoted && text[i] == ';')
        semicolons++;
      else if (!quoted && text[i] == '\t')
        tabs++;
    }
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

/* UTF-8 when the first chunk is valid UTF-8 (a sequence cut by the chunk's end allowed). */
static gboolean
looks_utf8 (const char *buf,
            gsize       n,
            gboolean    whole)
{
  const char *end = NULL;

  if (g_utf8_validate (buf, n, &end))
    return TRUE;
  return !whole && (gsize) (end - buf) + 4 > n && (gsize) (end - buf) < n &&
         ((guchar) *end) >= 0xC0;
}

static gboolean
open_csv (GestImportReader  *self,
          const char        *path,
          GError           **error)
{
  char head[CHUNK];
  gsize n;

  self->file = g_fopen (path, "rb");
  if (self->file == NULL)
    {
      int saved = errno;

      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID, _("“%s” could not be opened: %s."),
                   path, g_strerror (saved));
      return FALSE;
    }
  n = fread (head, 1, sizeof head, self->file);
  if (n >= 3 && memcmp (head, "\xEF\xBB\xBF", 3) == 0)
    {
      self->encoding = "UTF-8 (BOM)";
      fseek (self->file, 3, SEEK_SET);
      self->read_bytes = 3;
    }
  else
    {
      self->cp1252 = !looks_utf8 (head, n, n < sizeof head);
      self->encoding = self->cp1252 ? "Windows-1252" : "UTF-8";
      rewind (self->file);
    }
  self->separator = detect_separator (head, n);
  self->raw = g_string_sized_new (CHUNK * 2);
  self->cells_buf = g_string_sized_new (1024);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->line = 1;
  return TRUE;
}

GestImportReader *
gest_import_reader_open (const char  *path,
                         GError     **error)
{
  g_autoptr(GestImportReader) self = g_new0 (GestImportReader, 1);
  char magic[4] = { 0 };
  GStatBuf st;
  FILE *f;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not a file that can be read. Choose a CSV or XLSX file."), path);
      return NULL;
    }
  self->size = st.st_size;
  self->cells = g_ptr_array_new ();
  f = g_fopen (path, "rb");
  if (f != NULL)
    {
      if (fread (magic, 1, 4, f) != 4)
        magic[0] = '\0';
      fclose (f);
    }
  if (memcmp (magic, "PK\x03\x04", 4) == 0)
    {
      self->format = GEST_IMPORT_FORMAT_XLSX;
      self->encoding = "XLSX";
      self->xlsx = gest_xlsx_reader_open (path, error);
      self->xlsx_cells = g_ptr_array_new_with_free_func (g_free);
      if (self->xlsx == NULL)
        return NULL;
      return g_steal_pointer (&self);
    }
  if (!open_csv (self, path, error))
    return NULL;
  return g_steal_pointer (&self);
}

void
gest_import_reader_free (GestImportReader *self)
{
  if (self == NULL)
    return;
  if (self->file != NULL)
    fclose (self->file);
  if (self->raw != NULL)
    g_string_free (self->raw, TRUE);
  if (self->cells_buf != NULL)
    g_string_free (self->cells_buf, TRUE);
  g_clear_pointer (&self->offsets, g_array_unref);
  g_clear_pointer (&self->xlsx, gest_xlsx_reader_free);
  g_clear_pointer (&self->xlsx_cells, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_free (self);
}

gboolean
gest_import_reader_next (GestImportReader    *self,
                         const char * const **out_cells,
                         guint               *out_n_cells,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (;;)
    {
      g_ptr_array_set_size (self->cells, 0);
      if (self->xlsx != NULL)
        {
          if (!gest_xlsx_reader_next (self->xlsx, self->xlsx_cells, &self->row, error))
            return FALSE;
          for (guint i = 0; i < self->xlsx_cells->len; i++)
            g_ptr_array_add (self->cells, g_ptr_array_index (self->xlsx_cells, i));
        }
      else
        {
          gboolean failed = FALSE;

          if (!parse_record (self, error, &failed))
            return FALSE;
          for (guint i = 0; i < self->offsets->len; i++)
            g_ptr_array_add (self->cells,
                             self->cells_buf->str + g_array_index (self->offsets, guint, i));
          /* A UTF-8 file with a bad byte further down than the part the detection read. */
          if (!self->cp1252)
            for (guint i = 0; i < self->cells->len; i++)
              if (!g_utf8_validate (g_ptr_array_index (self->cells, i), -1, NULL))
                {
                  self->problem = _("This row is not valid UTF-8 text: save the file again as UTF-8.");
                  g_ptr_array_index (self->cells, i) = (gpointer) "";
                }
        }
      if (!row_is_blank (self->cells) || self->problem != NULL)
        break;
    }
  *out_cells = (const char * const *) self->cells->pdata;
  *out_n_cells = self->cells->len;
  return TRUE;
}

guint
gest_import_reader_get_row (GestImportReader *self)
{
  return self->row;
}

const char *
gest_import_reader_get_problem (GestImportReader *self)
{
  return self->problem;
}

GestImportFormat
gest_import_reader_get_format (GestImportReader *self)
{
  return self->format;
}

const char *
gest_import_reader_get_encoding (GestImportReader *self)
{
  return self->encoding;
}

char
gest_import_reader_get_separator (GestImportReader *self)
{
  return self->format == GEST_IMPORT_FORMAT_CSV ? self->separator : '\0';
}

goffset
gest_import_reader_get_position (GestImportReader *self)
{
  if (self->xlsx != NULL)
    return gest_xlsx_reader_position (self->xlsx);
  return self->read_bytes;
}

goffset
gest_import_reader_get_size (GestImportReader *self)
{
  if (self->xlsx != NULL)
    return gest_xlsx_reader_size (self->xlsx);
  return self->size;
}
