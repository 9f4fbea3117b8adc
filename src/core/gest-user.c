/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-user"

#include "config.h"

#include "gest-user.h"

typedef struct
{
  GestUser public;
  gatomicrefcount ref_count;
} UserImpl;

G_DEFINE_BOXED_TYPE (GestUser, gest_user, gest_user_ref, gest_user_unref)

GestUser *
gest_user_new (const char *uuid,
               const char *login,
               const char *name,
               GestRole    role)
{
  UserImpl *impl;

  g_return_val_if_fail (uuid != NULL, NULL);
  g_return_val_if_fail (login != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (role < GEST_N_ROLES, NULL);

  impl = g_new0 (UserImpl, 1);
  g_atomic_ref_count_init (&impl->ref_count);
  impl->public.uuid = g_strdup (uuid);
  impl->public.login = g_strdup (login);
  impl->public.name = g_strdup (name);
  impl->public.role = role;
  return &impl->public;
}

GestUser *
gest_user_ref (GestUser *user)
{
  UserImpl *impl = (UserImpl *) user;

  g_return_val_if_fail (user != NULL, NULL);

  g_atomic_ref_count_inc (&impl->ref_count);
  return user;
}

void
gest_user_unref (GestUser *user)
{
  UserImpl *impl = (UserImpl *) user;

  g_return_if_fail (user != NULL);

  if (!g_atomic_ref_count_dec (&impl->ref_count))
    return;
  g_free (user->uuid);
  g_free (user->login);
  g_free (user->name);
  g_free (impl);
}
