/* SPDX-License-Identifier: GPL-3.0-or-later */
/* X5: activity entries' kinds, canonical serialization and SHA-256 chain hash (the pure
 * part; the store's append/verify is in test-activity-log). Also the user roles recorded
 * in each entry. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "gest-activity.h"
#include "gest-roles.h"

static GestActivityEntry *
sample_entry (void)
{
  GestActivityEntry *e = g_new0 (GestActivityEntry, 1);

  e->record_uuid = g_strdup ("6f1c2a7e-3b7d-4c1e-9a55-0d6f3f9b2c10");
  e->seq = 3;
  e->at = G_GINT64_CONSTANT (1768501800000000);
  e->user_name = g_strdup ("María Fernanda Ruiz Ñúñez");
  e->user_role = g_strdup ("cs-analyst");
  e->kind = GEST_ACTIVITY_CALL;
  e->text = g_strdup ("Llamó para pedir su estado de cuenta.");
  e->contact_name = g_strdup ("Juan Pérez");
  e->contact_role = g_strdup ("titular");
  e->prev_hash = g_strdup ("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
  return e;
}

static void
test_kinds (void)
{
  static const char * const ids[] = { "note", "call", "email", "letter", "visit", "status", "document" };
  static const char * const labels[] = { "Note", "Call", "E-mail", "Letter", "Visit", "Status change", "Document" };
  GestActivityKind kind;

  g_assert_cmpuint (G_N_ELEMENTS (ids), ==, GEST_N_ACTIVITY_KINDS);
  for (guint i = 0; i < GEST_N_ACTIVITY_KINDS; i++)
    {
      g_assert_cmpstr (gest_activity_kind_id ((GestActivityKind) i), ==, ids[i]);
      g_assert_cmpstr (gest_activity_kind_label ((GestActivityKind) i), ==, labels[i]);
      g_assert_true (gest_activity_kind_from_id (ids[i], &kind));
      g_assert_cmpint (kind, ==, (GestActivityKind) i);
    }
  g_assert_false (gest_activity_kind_from_id ("Note", &kind));
  g_assert_false (gest_activity_kind_from_id ("", &kind));
  g_assert_false (gest_activity_kind_from_id ("phone", NULL));
}

/* The canonical form is fixed: entries hashed today must verify in every later version. */
static void
test_canonical_exact (void)
{
  g_autoptr(GestActivityEntry) e = sample_entry ();
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *expected_hash = NULL;
  g_autofree char *input = NULL;

  canonical = gest_activity_canonical (e);
  g_assert_cmpstr (canonical, ==,
                   "gestiona-activity-v1\n"
                   "36:6f1c2a7e-3b7d-4c1e-9a55-0d6f3f9b2c10"
                   "1:3"
                   "16:1768501800000000"
                   "29:María Fernanda Ruiz Ñúñez"
                   "10:cs-analyst"
                   "4:call"
                   "38:Llamó para pedir su estado de cuenta."
                   "11:Juan Pérez"
                   "7:titular");

  /* SHA-256 over prev_hash ‖ canonical, computed here independently of the library. */
  input = g_strconcat (e->prev_hash, canonical, NULL);
  expected_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);
  hash = gest_activity_compute_hash (e);
  g_assert_cmpstr (hash, ==, expected_hash);
  g_assert_cmpuint (strlen (hash), ==, 64);
  /* Pinned value (computed with Python's hashlib from the same fields), so that an
   * accidental change of the format fails loudly. */
  g_assert_cmpstr (hash, ==, "df938321c73aac02b7618fffbfc7fab0724cd7676c3bca5922b10b93550d26dc");
}

static void
test_hash_deterministic (void)
{
  g_autoptr(GestActivityEntry) a = sample_entry ();
  g_autoptr(GestActivityEntry) b = sample_entry ();
  g_autofree char *ha = gest_activity_compute_hash (a);
  g_autofree char *hb = gest_activity_compute_hash (b);

  g_assert_cmpstr (ha, ==, hb);

  /* The stored hash field itself is not an input. */
  b->hash = g_strdup ("something else");
  {
    g_autofree char *hb2 = gest_activity_compute_hash (b);

    g_assert_cmpstr (ha, ==, hb2);
  }
}

typedef void (*Mutate) (GestActivityEntry *e);

static void set_str (char **field, const char *value) { g_free (*field); *field = g_strdup (value); }

static void m_uuid (GestActivityEntry *e) { set_str (&e->record_uuid, "6f1c2a7e-3b7d-4c1e-9a55-0d6f3f9b2c11"); }
static void m_seq (GestActivityEntry *e) { e->seq = 4; }
static void m_seq_neg (GestActivityEntry *e) { e->seq = -3; }
static void m_at (GestActivityEntry *e) { e->at += 1; }
static void m_user (GestActivityEntry *e) { set_str (&e->user_name, "María Fernanda Ruiz Nuñez"); }
static void m_role (GestActivityEntry *e) { set_str (&e->user_role, "cs-head"); }
static void m_kind (GestActivityEntry *e) { e->kind = GEST_ACTIVITY_VISIT; }
static void m_text (GestActivityEntry *e) { set_str (&e->text, "Llamó para pedir su estado de cuenta!"); }
static void m_text_space (GestActivityEntry *e) { set_str (&e->text, "Llamó para pedir su estado de cuenta. "); }
static void m_contact (GestActivityEntry *e) { set_str (&e->contact_name, "Juan Perez"); }
static void m_contact_null (GestActivityEntry *e) { g_clear_pointer (&e->contact_name, g_free); }
static void m_contact_empty (GestActivityEntry *e) { set_str (&e->contact_name, ""); }
static void m_crole (GestActivityEntry *e) { set_str (&e->contact_role, "cónyuge"); }
static void m_crole_null (GestActivityEntry *e) { g_clear_pointer (&e->contact_role, g_free); }
static void m_prev (GestActivityEntry *e) { e->prev_hash[0] = 'a'; }
static void m_prev_empty (GestActivityEntry *e) { set_str (&e->prev_hash, ""); }
/* Moving text between adjacent fields keeps the concatenation but not the encoding. */
static void m_shift (GestActivityEntry *e)
{
  set_str (&e->contact_name, "Juan Pérezt");
  set_str (&e->contact_role, "itular");
}
static void m_shift_text (GestActivityEntry *e)
{
  set_str (&e->text, "Llamó para pedir su estado de cuenta.Juan");
  set_str (&e->contact_name, " Pérez");
}

static void
test_every_field_changes_hash (void)
{
  static const struct { const char *name; Mutate mutate; } cases[] = {
    { "record_uuid", m_uuid }, { "seq", m_seq }, { "seq sign", m_seq_neg }, { "at", m_at },
    { "user_name", m_user }, { "user_role", m_role }, { "kind", m_kind }, { "text", m_text },
    { "text trailing blank", m_text_space }, { "contact_name", m_contact },
    { "contact_name NULL", m_contact_null }, { "contact_name empty", m_contact_empty },
    { "contact_role", m_crole }, { "contact_role NULL", m_crole_null },
    { "prev_hash", m_prev }, { "prev_hash empty", m_prev_empty },
    { "shift between contact fields", m_shift }, { "shift between text and contact", m_shift_text },
  };
  g_autoptr(GestActivityEntry) base = sample_entry ();
  g_autofree char *base_hash = gest_activity_compute_hash (base);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_add (seen, g_strdup (base_hash));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GestActivityEntry) e = sample_entry ();
      char *hash;

      g_test_message ("changing %s", cases[i].name);
      cases[i].mutate (e);
      hash = gest_activity_compute_hash (e);
      /* Every mutation gives a hash different from the base and from each other. */
      if (!g_hash_table_add (seen, hash))
        g_error ("changing %s did not change the hash", cases[i].name);
    }
}

/* NULL and "" are different values of an optional field, in canonical form and hash. */
static void
test_null_vs_empty (void)
{
  g_autoptr(GestActivityEntry) a = sample_entry ();
  g_autoptr(GestActivityEntry) b = sample_entry ();
  g_autofree char *ca = NULL;
  g_autofree char *cb = NULL;
  g_autofree char *ha = NULL;
  g_autofree char *hb = NULL;

  g_clear_pointer (&a->contact_name, g_free);
  g_clear_pointer (&a->contact_role, g_free);
  set_str (&b->contact_name, "");
  set_str (&b->contact_role, "");

  ca = gest_activity_canonical (a);
  cb = gest_activity_canonical (b);
  g_assert_true (g_str_has_suffix (ca, "--"));
  g_assert_true (g_str_has_suffix (cb, "0:0:"));
  g_assert_cmpstr (ca, !=, cb);

  ha = gest_activity_compute_hash (a);
  hb = gest_activity_compute_hash (b);
  g_assert_cmpstr (ha, !=, hb);
}

/* A chain: each entry's prev_hash is the previous entry's hash; the first has "". */
static void
test_chain (void)
{
  g_autofree char *prev = g_strdup ("");
  g_autofree char *first = NULL;

  for (gint64 seq = 1; seq <= 5; seq++)
    {
      g_autoptr(GestActivityEntry) e = sample_entry ();
      g_autofree char *canonical = NULL;
      g_autofree char *input = NULL;
      g_autofree char *expected = NULL;

      e->seq = seq;
      set_str (&e->prev_hash, prev);
      e->hash = gest_activity_compute_hash (e);

      canonical = gest_activity_canonical (e);
      input = g_strconcat (prev, canonical, NULL);
      expected = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);
      g_assert_cmpstr (e->hash, ==, expected);
      if (first == NULL)
        first = g_strdup (e->hash);
      else
        g_assert_cmpstr (e->hash, !=, first);

      g_free (prev);
      prev = g_steal_pointer (&e->hash);
    }

  /* A NULL prev_hash is the first entry's "". */
  {
    g_autoptr(GestActivityEntry) e = sample_entry ();
    g_autofree char *h = NULL;

    e->seq = 1;
    g_clear_pointer (&e->prev_hash, g_free);
    h = gest_activity_compute_hash (e);
    g_assert_cmpstr (h, ==, first);
  }
}

static void
test_entry_free (void)
{
  GestActivityEntry stack_entry = { 0 };
  GestActivityEntry *e = sample_entry ();

  e->hash = g_strdup ("x");
  gest_activity_entry_clear (e);
  g_assert_null (e->record_uuid);
  g_assert_null (e->text);
  g_assert_null (e->prev_hash);
  g_assert_null (e->hash);
  gest_activity_entry_free (e);
  gest_activity_entry_free (NULL);
  gest_activity_entry_clear (&stack_entry);
}

static void
test_roles (void)
{
  static const struct { const char *id; const char *label; } roles[] = {
    { "general-manager", "General manager" },
    { "service-manager", "Service manager" },
    { "service-coordinator", "Service coordinator" },
    { "cs-analyst", "Customer service analyst" },
    { "cs-head", "Head of customer service" },
    { "finance-manager", "Finance manager" },
    { "collections-agent", "Collections agent" },
    { "service-advisor", "Service advisor" },
    { "collections-supervisor", "Collections supervisor" },
    { "cs-coordinator", "Customer service coordinator" },
    { "technology-specialist", "Technology specialist" },   /* issue 15 */
    { "sales-advisor", "Sales advisor" },                   /* issue 15 */
    { "conauto-liaison", "Conauto" },
  };
  GestRole role;

  g_assert_cmpuint (G_N_ELEMENTS (roles), ==, GEST_N_ROLES);
  for (guint i = 0; i < GEST_N_ROLES; i++)
    {
      g_assert_cmpstr (gest_role_id ((GestRole) i), ==, roles[i].id);
      g_assert_cmpstr (gest_role_label ((GestRole) i), ==, roles[i].label);
      g_assert_true (gest_role_from_id (roles[i].id, &role));
      g_assert_cmpint (role, ==, (GestRole) i);
    }
  g_assert_false (gest_role_from_id ("General-Manager", &role));
  g_assert_false (gest_role_from_id ("", NULL));
  g_assert_false (gest_role_from_id ("admin", &role));
  /* Issue 12: Conauto is not a role a dealer user can have. */
  for (guint i = 0; i < GEST_N_ROLES; i++)
    g_assert_cmpint (gest_role_is_dealer ((GestRole) i), ==, i != GEST_ROLE_CONAUTO);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C", TRUE);
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/activity/X5/kinds", test_kinds);
  g_test_add_func ("/activity/X5/canonical-exact", test_canonical_exact);
  g_test_add_func ("/activity/X5/hash-deterministic", test_hash_deterministic);
  g_test_add_func ("/activity/X5/every-field-changes-hash", test_every_field_changes_hash);
  g_test_add_func ("/activity/X5/null-vs-empty", test_null_vs_empty);
  g_test_add_func ("/activity/X5/chain", test_chain);
  g_test_add_func ("/activity/X5/entry-free", test_entry_free);
  g_test_add_func ("/activity/roles", test_roles);

  return g_test_run ();
}
