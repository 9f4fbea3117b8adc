/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* T4: an email as bytes on the wire (RFC 5322 + MIME): multipart/mixed with a UTF-8 text part
 * and base64 attachments, CRLF line ends, no line over 998 octets. Pure: no I/O, any thread. */

typedef struct
{
  char   *filename;       /* display name, UTF-8 */
  char   *content_type;   /* "application/pdf"; anything malformed is sent as octet-stream */
  GBytes *data;
} GestMailAttachment;

GestMailAttachment *gest_mail_attachment_new  (const char         *filename,
                                               const char         *content_type,
                                               GBytes             *data);
void                gest_mail_attachment_free (GestMailAttachment *attachment);

typedef struct
{
  const char *from;          /* bare addresses */
  const char *to;
  const char *subject;       /* UTF-8, one line */
  const char *body;          /* UTF-8 plain text, any line ends */
  GPtrArray  *attachments;   /* nullable, of GestMailAttachment* */
  GDateTime  *date;          /* nullable: now */
  const char *message_id;    /* nullable: a new one; without the angle brackets */
} GestMailMessage;

/* The whole message. */
GBytes *gest_mail_mime_build          (const GestMailMessage *message);
/* A header value as RFC 2047 encoded words (=?UTF-8?B?...?=) folded with CRLF SP when it is
 * not plain printable ASCII, else a copy. */
char   *gest_mail_mime_encode_header  (const char            *text);
/* "Tue, 03 Mar 2026 09:05:00 -0600": English names whatever the locale (RFC 5322). */
char   *gest_mail_mime_format_date    (GDateTime             *date);
/* A fresh "<random>@<domain of @from>" (without angle brackets). */
char   *gest_mail_mime_new_message_id (const char            *from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestMailAttachment, gest_mail_attachment_free)

G_END_DECLS
