/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-import"

#include "config.h"

#include <glib/gi18n.h>
#include <gsf/gsf.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "gest-error.h"
#include "gest-import-reader-private.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)

/* The first worksheet of an XLSX workbook, a row at a time: libgsf opens the zip, libxml2's
 * streaming xmlTextReader reads xl/sharedStrings.xml (kept: cells name its strings by number)
 * and the worksheet (never held whole). Numbers come as the text the file stores ("1234.5",
 * a date's serial number "45291"); the mapping reads them by the column's field. */

struct _GestXlsxReader
{
  GsfInput         *file;
  GsfInfile        *zip;
  GsfInput         *sheet;
  xmlTextReaderPtr  xml;
  GPtrArray        *shared;     /* char *: the shared strings */
  gboolean          done;
};

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  GsfInput *input = context;
  gsf_off_t remaining = gsf_input_remaining (input);
  gsize n = MIN ((gsf_off_t) len, remaining);

  if (n == 0)
    return 0;
  if (gsf_input_read (input, n, (guint8 *) buffer) == NULL)
    return -1;
  return (int) n;
}

static int
close_cb (void *context)
{
  return 0;
}

static xmlTextReaderPtr
xml_reader_new (GsfInput *input)
{
  return xmlReaderForIO (read_cb, close_cb, input, NULL, NULL,
                         XML_PARSE_NONET | XML_PARSE_COMPACT);
}

static gboolean
is_element (xmlTextReaderPtr  xml,
            int               type,
            const char       *name)
{
  return xmlTextReaderNodeType (xml) == type &&
         g_strcmp0 ((const char *) xmlTextReaderConstLocalName (xml), name) == 0;
}

/* Appends the text of the current element's <t> descendants (rich text runs too, phonetic
 * guides <rPh> not) up to its end tag @end. */
static void
collect_text (xmlTextReaderPtr  xml,
              const char       *end,
              GString          *out)
{
  int depth = xmlTextReaderDepth (xml);
  gboolean in_t = FALSE, in_rph = FALSE;

  if (xmlTextReaderIsEmptyElement (xml))
    return;
  while (xmlTextReaderRead (xml) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (xml) == depth)
        return;
      if (is_element (xml, XML_READER_TYPE_ELEMENT, "rPh"))
        in_rph = !xmlTextReaderIsEmptyElement (xml);
      else if (is_element (xml, XML_READER_TYPE_END_ELEMENT, "rPh"))
        in_rph = FALSE;
      else if (is_element (xml, XML_READER_TYPE_ELEMENT, "t"))
        in_t = !xmlTextReaderIsEmptyElement (xml);
      else if (is_element (xml, XML_READER_TYPE_END_ELEMENT, "t"))
        in_t = FALSE;
      else if (in_t && !in_rph &&
               (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA))
        g_string_append (out, (const char *) xmlTextReaderConstValue (xml));
    }
  (void) end;
}

static gboolean
load_shared_strings (GestXlsxReader  *self,
                     GError         **error)
{
  g_autoptr(GsfInput) input = gsf_infile_child_by_vname (self->zip, "xl", "sharedStrings.xml", NULL);
  xmlTextReaderPtr xml;
  g_autoptr(GString) text = g_string_new (NULL);

  if (input == NULL)
    return TRUE;   /* a workbook of numbers and inline strings has none */
  xml = xml_reader_new (input);
  if (xml == NULL)
    return TRUE;
  while (xmlTextReaderRead (xml) == 1)
    if (is_element (xml, XML_READER_TYPE_ELEMENT, "si"))
      {
        g_string_truncate (text, 0);
        collect_text (xml, "si", text);
        g_ptr_array_add (self->shared, g_strdup (text->str));
      }
  xmlFreeTextReader (xml);
  return TRUE;
}

static GsfInput *
open_first_sheet (GsfInfile *zip)
{
  GsfInput *sheet = gsf_infile_child_by_vname (zip, "xl", "worksheets", "sheet1.xml", NULL);
  g_autoptr(GsfInput) dir = NULL;

  if (sheet != NULL)
    return sheet;
  dir = gsf_infile_child_by_vname (zip, "xl", "worksheets", NULL);
  if (dir == NULL || !GSF_IS_INFILE (dir))
    return NULL;
  for (int i = 0; i < gsf_infile_num_children (GSF_INFILE (dir)); i++)
    if (g_str_has_suffix (gsf_infile_name_by_index (GSF_INFILE (dir), i), ".xml"))
      return gsf_infile_child_by_index (GSF_INFILE (dir), i);
  return NULL;
}

GestXlsxReader *
gest_xlsx_reader_open (const char  *path,
                       GError     **error)
{
  GestXlsxReader *self = g_new0 (GestXlsxReader, 1);
  g_autoptr(GError) local = NULL;

  self->shared = g_ptr_array_new_with_free_func (g_free);
  self->file = gsf_input_stdio_new (path, &local);
  if (self->file != NULL)
    self->zip = gsf_infile_zip_new (self->file, &local);
  if (self->zip != NULL)
    self->sheet = open_first_sheet (self->zip);
  if (self->sheet == NULL || !load_shared_strings (self, error))
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is not an XLSX workbook that can be read (%s). Save it again from "
                     "the spreadsheet as XLSX or CSV."),
                   path, local != NULL ? local->message : _("it has no worksheet"));
      gest_xlsx_reader_free (self);
      return NULL;
    }
  self->xml = xml_reader_new (self->sheet);
  return self;
}

void
gest_xlsx_reader_free (GestXlsxReader *self)
{
  if (self == NULL)
    return;
  if (self->xml != NULL)
    xmlFreeTextReader (self->xml);
  g_clear_object (&self->sheet);
  g_clear_object (&self->zip);
  g_clear_object (&self->file);
  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_free (self);
}

/* "BC12" → 54 (0-based column of the letters). */
static guint
column_of_ref (const char *ref,
               guint       fallback)
{
  guint col = 0;
  gboolean any = FALSE;

  for (; ref != NULL && g_ascii_isalpha (*ref); ref++)
    {
      col = col * 26 + (guint) (g_ascii_toupper (*ref) - 'A' + 1);
      any = TRUE;
      if (col > 16384)
        return fallback;
    }
  return any ? col - 1 : fallback;
}

static void
set_cell (GPtrArray *cells,
          guint      col,
          char      *value)
{
  while (cells->len <= col)
    g_ptr_array_add (cells, g_strdup (""));
  g_free (g_ptr_array_index (cells, col));
  g_ptr_array_index (cells, col) = value;
}

/* Reads one <c>: its value as text. */
static char *
read_cell (GestXlsxReader *self)
{
  xmlTextReaderPtr xml = self->xml;
  g_autofree char *type = (char *) xmlTextReaderGetAttribute (xml, (const xmlChar *) "t");
  g_autoptr(GString) text = g_string_new (NULL);
  int depth = xmlTextReaderDepth (xml);

  if (xmlTextReaderIsEmptyElement (xml))
    return g_strdup ("");
  while (xmlTextReaderRead (xml) == 1)
    {
      if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth (xml) == depth)
        break;
      if (is_element (xml, XML_READER_TYPE_ELEMENT, "v") && !xmlTextReaderIsEmptyElement (xml))
        {
          xmlChar *v = xmlTextReaderReadString (xml);

          g_string_append (text, (const char *) v);
          xmlFree (v);
        }
      else if (is_element (xml, XML_READER_TYPE_ELEMENT, "is"))
        collect_text (xml, "is", text);
    }
  if (g_strcmp0 (type, "s") == 0)
    {
      guint64 index;

      if (g_ascii_string_to_unsigned (text->str, 10, 0, G_MAXUINT, &index, NULL) &&
          index < self->shared->len)
        return g_strdup (g_ptr_array_index (self->shared, index));
      return g_strdup ("");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

gboolean
gest_xlsx_reader_next (GestXlsxReader  *self,
                       GPtrArray       *cells,
                       guint           *out_row,
                       GError         **error)
{
  xmlTextReaderPtr xml = self->xml;
  int ret;

  g_ptr_array_set_size (cells, 0);
  if (self->done || xml == NULL)
    return FALSE;
  while ((ret = xmlTextReaderRead (xml)) == 1)
    {
      if (is_element (xml, XML_READER_TYPE_ELEMENT, "row"))
        {
          g_autofree char *r = (char *) xmlTextReaderGetAttribute (xml, (const xmlChar *) "r");
          guint64 number = 0;
          int depth = xmlTextReaderDepth (xml);

          g_ascii_string_to_unsigned (r != NULL ? r : "", 10, 1, G_MAXUINT, &number, NULL);
          *out_row = (guint) (number > 0 ? number : *out_row + 1);
          if (xmlTextReaderIsEmptyElement (xml))
            return TRUE;
          while ((ret = xmlTextReaderRead (xml)) == 1)
            {
              if (xmlTextReaderNodeType (xml) == XML_READER_TYPE_END_ELEMENT &&
                  xmlTextReaderDepth (xml) == depth)
                return TRUE;
              if (is_element (xml, XML_READER_TYPE_ELEMENT, "c"))
                {
                  g_autofree char *ref = (char *) xmlTextReaderGetAttribute (xml, (const xmlChar *) "r");
                  guint col = column_of_ref (ref, cells->len);

                  set_cell (cells, col, read_cell (self));
                }
            }
          break;
        }
    }
  self->done = TRUE;
  if (ret < 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The workbook’s worksheet is damaged: save it again from the "
                             "spreadsheet as XLSX or CSV."));
      return FALSE;
    }
  return cells->len > 0;
}

goffset
gest_xlsx_reader_position (GestXlsxReader *self)
{
  return self->sheet != NULL ? gsf_input_tell (self->sheet) : 0;
}

goffset
gest_xlsx_reader_size (GestXlsxReader *self)
{
  return self->sheet != NULL ? gsf_input_size (self->sheet) : 0;
}
