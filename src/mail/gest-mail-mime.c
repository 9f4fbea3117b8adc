/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-mail-mime"

#include "config.h"

#include <string.h>

#include "gest-mail-mime.h"

#define CRLF "\r\n"

/* 39 bytes of UTF-8 make 52 base64 characters: with "=?UTF-8?B?" and "?=" a word is 64
 * characters, so "Subject: " plus a word stays under the 78 recommended. */
#define WORD_BYTES 39

static gboolean
is_plain_ascii (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p < 0x20 || *p > 0x7e)
        return FALSE;
    }

  return strstr (text, "=?") == NULL;
}

/* Drops line breaks and other control characters, so no header can be injected. */
static char *
one_line (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_iscntrl (*p) ? ' ' : *p);

  return g_string_free (out, FALSE);
}

static void
append_base64_lines (GString      *out,
                     const guchar *data,
                     gsize         len)
{
  /* 57 input bytes make one 76-character line. */
  for (gsize off = 0; off < len; off += 57)
    {
      g_autofree char *line = g_base64_encode (data + off, MIN (57, len - off));

      g_string_append (out, line);
      g_string_append (out, CRLF);
    }
}

static char *
crlf_text (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append (out, CRLF);
          if (p[1] == '\n')
            p++;
        }
      else if (*p == '\n')
        g_string_append (out, CRLF);
      else
        g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_token_char (char c)
{
  return g_ascii_isalnum (c) || strchr ("!#$&^_.+-", c) != NULL;
}

static const char *
valid_content_type (const char *type)
{
  const char *slash;

  if (type == NULL || *type == '\0')
    return "application/octet-stream";

  slash = strchr (type, '/');
  if (slash == NULL || slash == type || slash[1] == '\0')
    return "application/octet-stream";

  for (const char *p = type; *p != '\0'; p++)
    {
      if (p != slash && !is_token_char (*p))
        return "application/octet-stream";
    }

  return type;
}

/* The filename parameter: quoted ASCII, or RFC 2231 (filename*=UTF-8''...) otherwise. */
static void
append_filename_param (GString    *out,
                       const char *param,
                       const char *filename)
{
  g_autofree char *name = one_line (filename);

  if (is_plain_ascii (name))
    {
      g_string_append_printf (out, "; " CRLF " %s=\"", param);
      for (const char *p = name; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
      return;
    }

  g_string_append_printf (out, "; " CRLF " %s*=UTF-8''", param);
  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("!#$&+-.^_`|~", *p) != NULL)
        g_string_append_c (out, *p);
      else
        g_string_append_printf (out, "%%%02X", *p);
    }
}

GestMailAttachment *
gest_mail_attachment_new (const char *filename,
                          const char *content_type,
                          GBytes     *data)
{
  GestMailAttachment *attachment;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  attachment = g_new0 (GestMailAttachment, 1);
  attachment->filename = g_strdup (filename);
  attachment->content_type = g_strdup (content_type);
  attachment->data = g_bytes_ref (data);

  return attachment;
}

void
gest_mail_attachment_free (GestMailAttachment *attachment)
{
  if (attachment == NULL)
    return;

  g_free (attachment->filename);
  g_free (attachment->content_type);
  g_bytes_unref (attachment->data);
  g_free (attachment);
}

char *
gest_mail_mime_encode_header (const char *text)
{
  g_autofree char *line = one_line (text);
  GString *out;
  const char *p;

  if (is_plain_ascii (line) && strlen (line) <= 900)
    return g_steal_pointer (&line);

  if (!g_utf8_validate (line, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (line, -1);

      g_free (line);
      line = g_steal_pointer (&valid);
    }

  out = g_string_new (NULL);
  p = line;
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *b64 = NULL;

      /* Whole characters only: an encoded word must not split a UTF-8 sequence. */
      while (*end != '\0')
        {
          const char *next = g_utf8_next_char (end);

          if (next - p > WORD_BYTES)
            break;
          end = next;
        }

      b64 = g_base64_encode ((const guchar *) p, end - p);
      if (out->len > 0)
        g_string_append (out, CRLF " ");
      g_string_append_printf (out, "=?UTF-8?B?%s?=", b64);
      p = end;
    }

  return g_string_free (out, FALSE);
}

char *
gest_mail_mime_format_date (GDateTime *date)
{
  static const char * const days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  static const char * const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  gint64 offset_min;

  g_return_val_if_fail (date != NULL, NULL);

  offset_min = g_date_time_get_utc_offset (date) / G_TIME_SPAN_MINUTE;

  return g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                          days[g_date_time_get_day_of_week (date) - 1],
                          g_date_time_get_day_of_month (date),
                          months[g_date_time_get_month (date) - 1],
                          g_date_time_get_year (date),
                          g_date_time_get_hour (date),
                          g_date_time_get_minute (date),
                          g_date_time_get_second (date),
                          offset_min < 0 ? '-' : '+',
                          (int) (ABS (offset_min) / 60),
                          (int) (ABS (offset_min) % 60));
}

char *
gest_mail_mime_new_message_id (const char *from)
{
  g_autofree char *uuid = g_uuid_string_random ();
  const char *at = from != NULL ? strrchr (from, '@') : NULL;
  const char *domain = at != NULL && at[1] != '\0' ? at + 1 : "gestiona.invalid";

  return g_strdup_printf ("%s@%s", uuid, domain);
}

GBytes *
gest_mail_mime_build (const GestMailMessage *message)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *boundary = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message_id = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *body = NULL;
  g_autofree char *random = g_uuid_string_random ();
  GString *out;

  g_return_val_if_fail (message != NULL, NULL);
  g_return_val_if_fail (message->from != NULL && message->to != NULL, NULL);

  if (message->date == NULL)
    now = g_date_time_new_now_local ();

  /* "=_" never occurs in base64, so the boundary cannot appear inside a part. */
  boundary = g_strdup_printf ("=_gestiona_%s", random);
  subject = gest_mail_mime_encode_header (message->subject != NULL ? message->subject : "");
  date = gest_mail_mime_format_date (message->date != NULL ? message->date : now);
  message_id = message->message_id != NULL ? one_line (message->message_id)
                                           : gest_mail_mime_new_message_id (message->from);
  from = one_line (message->from);
  to = one_line (message->to);
  body = crlf_text (message->body != NULL ? message->body : "");

  out = g_string_new (NULL);
  g_string_append_printf (out, "From: %s" CRLF, from);
  g_string_append_printf (out, "To: %s" CRLF, to);
  g_string_append_printf (out, "Subject: %s" CRLF, subject);
  g_string_append_printf (out, "Date: %s" CRLF, date);
  g_string_append_printf (out, "Message-ID: <%s>" CRLF, message_id);
  g_string_append (out, "MIME-Version: 1.0" CRLF);
  g_string_append (out, "User-Agent: Gestiona/" PACKAGE_VERSION CRLF);
  g_string_append_printf (out, "Content-Type: multipart/mixed;" CRLF " boundary=\"%s\"" CRLF CRLF, boundary);
  g_string_append (out, "This is a multi-part message in MIME format." CRLF);

  g_string_append_printf (out, CRLF "--%s" CRLF, boundary);
  g_string_append (out, "Content-Type: text/plain; charset=UTF-8" CRLF);
  g_string_append (out, "Content-Transfer-Encoding: base64" CRLF CRLF);
  append_base64_lines (out, (const guchar *) body, strlen (body));

  for (guint i = 0; message->attachments != NULL && i < message->attachments->len; i++)
    {
      GestMailAttachment *attachment = g_ptr_array_index (message->attachments, i);
      gsize size;
      const guchar *data = g_bytes_get_data (attachment->data, &size);

      g_string_append_printf (out, CRLF "--%s" CRLF, boundary);
      g_string_append_printf (out, "Content-Type: %s", valid_content_type (attachment->content_type));
      append_filename_param (out, "name", attachment->filename);
      g_string_append (out, CRLF "Content-Disposition: attachment");
      append_filename_param (out, "filename", attachment->filename);
      g_string_append (out, CRLF "Content-Transfer-Encoding: base64" CRLF CRLF);
      append_base64_lines (out, data, size);
    }

  g_string_append_printf (out, CRLF "--%s--" CRLF, boundary);

  return g_string_free_to_bytes (out);
}
