/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-user.h"

/* Issue 12: the permissions table is data, and its refusals say who, what and who may. */

static const GestPermission module_rows[] = {
  { "example.approve", "approve examples", GEST_ROLE_BIT (GEST_ROLE_CS_HEAD) },
  { "example.conauto", "do Conauto's part", 0 },
};

static void
test_shared_rows (void)
{
  /* Only the general manager manages users; finance may change the thresholds. */
  g_assert_true (gest_permission_allows (GEST_ROLE_GENERAL_MANAGER, GEST_PERMISSION_MANAGE_USERS));
  for (guint r = 0; r < GEST_N_ROLES; r++)
    if (r != GEST_ROLE_GENERAL_MANAGER)
      g_assert_false (gest_permission_allows ((GestRole) r, GEST_PERMISSION_MANAGE_USERS));
  g_assert_true (gest_permission_allows (GEST_ROLE_FINANCE_MANAGER, GEST_PERMISSION_ROUTING_SETTINGS));
  g_assert_false (gest_permission_allows (GEST_ROLE_CS_ANALYST, GEST_PERMISSION_ROUTING_SETTINGS));
  /* Conauto is no dealer role: it has none of the dealer's permissions. */
  g_assert_false (gest_permission_allows (GEST_ROLE_CONAUTO, GEST_PERMISSION_EDIT_CUSTOMERS));
  g_assert_true (gest_permission_allows (GEST_ROLE_SERVICE_ADVISOR, GEST_PERMISSION_EDIT_CUSTOMERS));
  g_assert_false (gest_permission_allows (GEST_N_ROLES, GEST_PERMISSION_EDIT_CUSTOMERS));
}

static void
test_refusal_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (gest_permission_check (GEST_ROLE_GENERAL_MANAGER, "Laura", GEST_PERMISSION_ROUTING_SETTINGS, &error));
  g_assert_no_error (error);
  g_assert_false (gest_permission_check (GEST_ROLE_CS_ANALYST, "Ana López", GEST_PERMISSION_ROUTING_SETTINGS, &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Ana López (Customer service analyst) cannot change the routing thresholds: it is for "
                   "General manager, Finance manager. Ask one of them, or sign in as one.");
}

static void
test_module_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_null (gest_permissions_find ("example.approve"));
  g_assert_false (gest_permission_allows (GEST_ROLE_CS_HEAD, "example.approve"));
  gest_permissions_add (module_rows, G_N_ELEMENTS (module_rows));
  /* Registering the same module again adds nothing. */
  gest_permissions_add (module_rows, G_N_ELEMENTS (module_rows));
  all = gest_permissions_list ();
  g_assert_true (g_ptr_array_index (all, all->len - 1) == &module_rows[1]);
  g_assert_true (g_ptr_array_index (all, all->len - 2) == &module_rows[0]);
  g_assert_true (gest_permission_allows (GEST_ROLE_CS_HEAD, "example.approve"));
  g_assert_false (gest_permission_allows (GEST_ROLE_CS_ANALYST, "example.approve"));

  g_assert_false (gest_permission_check (GEST_ROLE_GENERAL_MANAGER, "Laura", "example.conauto", &error));
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
  g_assert_cmpstr (error->message, ==,
                   "Laura (General manager) cannot do Conauto's part: no dealer role can; it comes only "
                   "from Conauto.");
}

static void
test_unknown_action (void)
{
  g_autoptr(GError) error = NULL;

  /* An action missing from the table is allowed to nobody, and it is a bug worth a critical. */
  g_assert_false (gest_permission_allows (GEST_ROLE_GENERAL_MANAGER, "no.such.action"));
  g_test_expect_message ("gest-permissions", G_LOG_LEVEL_CRITICAL, "Unknown permission “no.such.action”");
  g_assert_false (gest_permission_check (GEST_ROLE_GENERAL_MANAGER, "Laura", "no.such.action", &error));
  g_test_assert_expected_messages ();
  g_assert_error (error, GEST_ERROR, GEST_ERROR_PERMISSION);
}

static void
test_user_ref (void)
{
  GestUser *user = gest_user_new ("u-1", "ana", "Ana López", GEST_ROLE_CS_ANALYST);
  GestUser *again = gest_user_ref (user);

  g_assert_true (again == user);
  gest_user_unref (again);
  g_assert_cmpstr (user->login, ==, "ana");
  g_assert_cmpint (user->role, ==, GEST_ROLE_CS_ANALYST);
  gest_user_unref (user);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/permissions/shared-rows", test_shared_rows);
  g_test_add_func ("/permissions/refusal-message", test_refusal_message);
  g_test_add_func ("/permissions/module-rows", test_module_rows);
  g_test_add_func ("/permissions/unknown-action", test_unknown_action);
  g_test_add_func ("/permissions/user-ref", test_user_ref);

  return g_test_run ();
}
