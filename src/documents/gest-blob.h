/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Content-addressed files: a file's bytes are stored once, at <files dir>/<aa>/<sha256>
 * (aa = the first two hex digits, so no folder grows past a few thousand entries).
 * No database and no shared state: safe on any thread. */
typedef struct
{
  char   *sha256;      /* hex, 64 characters */
  gint64  size;        /* bytes, > 0 */
  char   *mime_type;   /* from the name and the first bytes */
  char   *filename;    /* display name of the source file */
} GestBlobInfo;

void      gest_blob_info_clear (GestBlobInfo  *info);

/* Copies @file into @files_dir while computing its SHA-256 (through a temporary file that is
 * fsynced, then renamed to its address; the folder is fsynced too). When the address
 * already holds the content, the copy is dropped. An empty file is refused with
 * GEST_ERROR_INVALID; read and write failures are GEST_ERROR_STORE naming the file. */
gboolean  gest_blob_store_file (const char    *files_dir,
                                GFile         *file,
                                GestBlobInfo  *out,
                                GCancellable  *cancellable,
                                GError       **error);
char     *gest_blob_path       (const char    *files_dir,
                                const char    *sha256);
/* Hex SHA-256 and size of a file (GIO errors as they come). */
char     *gest_blob_hash_file  (const char    *path,
                                gint64        *out_size,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
