/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-blob"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "gest-blob.h"
#include "gest-error.h"

/* Large enough for sequential disk throughput, small enough to check the cancellable often. */
#define CHUNK_SIZE (64 * 1024)
/* g_content_type_guess() looks at the start of a file only. */
#define SNIFF_SIZE 4096

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len,
           GError      **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          int saved = errno;

          if (saved == EINTR)
            continue;
          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* A rename is durable only once the folder that holds the new name is on disk. */
static void
fsync_dir (const char *path)
{
  int fd = open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

static char *
file_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_display_name (info) != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

void
gest_blob_info_clear (GestBlobInfo *blob)
{
  g_clear_pointer (&blob->sha256, g_free);
  g_clear_pointer (&blob->mime_type, g_free);
  g_clear_pointer (&blob->filename, g_free);
}

char *
gest_blob_path (const char *files_dir,
                const char *sha256)
{
  char prefix[3] = { 0 };

  g_return_val_if_fail (files_dir != NULL, NULL);
  /* Only 64 lower-case hex digits name a file inside @files_dir; anything else (a path such as
   * "../../a.db.sync-token" of the same length) is a caller's bug (#16.6). */
  g_return_val_if_fail (sha256 != NULL && strlen (sha256) == 64
                        && strspn (sha256, "0123456789abcdef") == 64, NULL);

  prefix[0] = sha256[0];
  prefix[1] = sha256[1];
  return g_build_filename (files_dir, prefix, sha256, NULL);
}

gboolean
gest_blob_store_file (const char    *files_dir,
                      GFile         *file,
                      GestBlobInfo  *out,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *filename = file_display_name (file);
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *final_dir = NULL;
  g_autofree char *content_type = NULL;
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  guint8 sniff[SNIFF_SIZE];
  gsize sniff_len = 0;
  gint64 size = 0;
  GStatBuf st;
  int fd;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    goto read_failed;

  if (g_mkdir_with_parents (files_dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not create Gestiona's files folder “%s”: %s. Check the disk and its permissions."),
                   files_dir, g_strerror (saved));
      return FALSE;
    }

  tmp_path = g_build_filename (files_dir, ".incoming-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp_path, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not save a copy of “%s” in Gestiona's files folder: %s. Free some disk space or check the folder's permissions, then try again."),
                   filename, g_strerror (saved));
      return FALSE;
    }

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE,
                                      cancellable, &local_error);

      if (n < 0)
        {
          close (fd);
          g_unlink (tmp_path);
          goto read_failed;
        }
      if (n == 0)
        break;

      if (sniff_len < SNIFF_SIZE)
        {
          gsize take = MIN ((gsize) n, SNIFF_SIZE - sniff_len);

          memcpy (sniff + sniff_len, buffer, take);
          sniff_len += take;
        }
      g_checksum_update (checksum, buffer, n);
      if (!write_all (fd, buffer, n, &local_error))
        {
          close (fd);
          g_unlink (tmp_path);
          g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                       _("Could not save a copy of “%s” in Gestiona's files folder: %s. Free some disk space or check the folder's permissions, then try again."),
                       filename, local_error->message);
          return FALSE;
        }
      size += n;
    }

  if (size == 0)
    {
      close (fd);
      g_unlink (tmp_path);
      g_set_error (error, GEST_ERROR, GEST_ERROR_INVALID,
                   _("“%s” is empty (0 bytes), so it was not attached. Check the file and attach it again."),
                   filename);
      return FALSE;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not save a copy of “%s” in Gestiona's files folder: %s. Free some disk space or check the folder's permissions, then try again."),
                   filename, g_strerror (saved));
      return FALSE;
    }

  out->sha256 = g_strdup (g_checksum_get_string (checksum));
  final_path = gest_blob_path (files_dir, out->sha256);
  final_dir = g_path_get_dirname (final_path);
  g_mkdir_with_parents (final_dir, 0755);

  /* The same content is stored once. A copy of another size is a damaged leftover (a
   * crash before this code existed, a disk error): the new copy replaces it. */
  if (g_stat (final_path, &st) == 0 && st.st_size == size)
    {
      g_unlink (tmp_path);
    }
  else if (g_rename (tmp_path, final_path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      gest_blob_info_clear (out);
      g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
                   _("Could not save a copy of “%s” in Gestiona's files folder: %s. Free some disk space or check the folder's permissions, then try again."),
                   filename, g_strerror (saved));
      return FALSE;
    }
  else
    {
      fsync_dir (final_dir);
      fsync_dir (files_dir);
    }

  content_type = g_content_type_guess (filename, sniff, sniff_len, NULL);
  out->mime_type = g_content_type_get_mime_type (content_type);
  if (out->mime_type == NULL)
    out->mime_type = g_strdup ("application/octet-stream");
  out->size = size;
  out->filename = g_steal_pointer (&filename);
  return TRUE;

read_failed:
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_set_error (error, GEST_ERROR, GEST_ERROR_STORE,
               _("Could not read “%s”: %s. Check that the file still exists and that you may open it."),
               filename, local_error->message);
  return FALSE;
}

char *
gest_blob_hash_file (const char    *path,
                     gint64        *out_size,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_SIZE);
  gint64 size = 0;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buffer, CHUNK_SIZE, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      size += n;
    }

  if (out_size != NULL)
    *out_size = size;
  return g_strdup (g_checksum_get_string (checksum));
}
