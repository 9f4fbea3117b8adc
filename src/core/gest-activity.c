/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-activity"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "gest-activity.h"

/* Kind ids are part of every entry's hash: never change one. */
static const struct
{
  const char *id;
  const char *label;
} kinds[GEST_N_ACTIVITY_KINDS] = {
  [GEST_ACTIVITY_NOTE] = { "note", N_("Note") },
  [GEST_ACTIVITY_CALL] = { "call", N_("Call") },
  [GEST_ACTIVITY_EMAIL] = { "email", N_("E-mail") },
  [GEST_ACTIVITY_LETTER] = { "letter", N_("Letter") },
  [GEST_ACTIVITY_VISIT] = { "visit", N_("Visit") },
  [GEST_ACTIVITY_STATUS] = { "status", N_("Status change") },
  [GEST_ACTIVITY_DOCUMENT] = { "document", N_("Document") },
};

/* Starts every canonical form. It names the format version, so a future format cannot
 * collide with this one, and it begins with a non-hex character, so the boundary between
 * the previous hash (hex or empty) and the canonical form is unambiguous. */
#define CANONICAL_TAG "gestiona-activity-v1\n"

const char *
gest_activity_kind_id (GestActivityKind kind)
{
  g_return_val_if_fail (kind < GEST_N_ACTIVITY_KINDS, NULL);

  return kinds[kind].id;
}

const char *
gest_activity_kind_label (GestActivityKind kind)
{
  g_return_val_if_fail (kind < GEST_N_ACTIVITY_KINDS, NULL);

  return _(kinds[kind].label);
}

gboolean
gest_activity_kind_from_id (const char       *id,
                            GestActivityKind *out)
{
  g_return_val_if_fail (id != NULL, FALSE);

  for (guint i = 0; i < GEST_N_ACTIVITY_KINDS; i++)
    {
      if (g_str_equal (id, kinds[i].id))
        {
          if (out != NULL)
            *out = (GestActivityKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

/* "<byte length>:<bytes>" for a string, "-" for NULL. A length never starts with "-",
 * so NULL and "" differ, and every field says where it ends. */
static void
append_field (GString    *out,
              const char *value)
{
  if (value == NULL)
    {
      g_string_append_c (out, '-');
      return;
    }
  g_string_append_printf (out, "%" G_GSIZE_FORMAT ":", strlen (value));
  g_string_append (out, value);
}

static void
append_int_field (GString *out,
                  gint64   value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  append_field (out, buf);
}

char *
gest_activity_canonical (const GestActivityEntry *entry)
{
  GString *out;

  g_return_val_if_fail (entry != NULL, NULL);
  g_return_val_if_fail (entry->kind < GEST_N_ACTIVITY_KINDS, NULL);

  out = g_string_new (CANONICAL_TAG);
  append_field (out, entry->record_uuid);
  append_int_field (out, entry->seq);
  append_int_field (out, entry->at);
  append_field (out, entry->user_name);
  append_field (out, entry->user_role);
  append_field (out, kinds[entry->kind].id);
  append_field (out, entry->text);
  append_field (out, entry->contact_name);
  append_field (out, entry->contact_role);

  return g_string_free (out, FALSE);
}

char *
gest_activity_compute_hash (const GestActivityEntry *entry)
{
  g_autoptr(GChecksum) sum = NULL;
  g_autofree char *canonical = NULL;
  const char *prev;

  g_return_val_if_fail (entry != NULL, NULL);

  canonical = gest_activity_canonical (entry);
  g_return_val_if_fail (canonical != NULL, NULL);

  prev = entry->prev_hash != NULL ? entry->prev_hash : "";
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *) prev, (gssize) strlen (prev));
  g_checksum_update (sum, (const guchar *) canonical, (gssize) strlen (canonical));

  return g_strdup (g_checksum_get_string (sum));
}

void
gest_activity_entry_clear (GestActivityEntry *entry)
{
  g_return_if_fail (entry != NULL);

  g_clear_pointer (&entry->record_uuid, g_free);
  g_clear_pointer (&entry->origin, g_free);
  g_clear_pointer (&entry->user_name, g_free);
  g_clear_pointer (&entry->user_role, g_free);
  g_clear_pointer (&entry->text, g_free);
  g_clear_pointer (&entry->contact_name, g_free);
  g_clear_pointer (&entry->contact_role, g_free);
  g_clear_pointer (&entry->prev_hash, g_free);
  g_clear_pointer (&entry->hash, g_free);
}

void
gest_activity_entry_free (GestActivityEntry *entry)
{
  if (entry == NULL)
    return;

  gest_activity_entry_clear (entry);
  g_free (entry);
}
