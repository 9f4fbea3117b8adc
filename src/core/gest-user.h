/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "gest-roles.h"

G_BEGIN_DECLS

/* A dealer user as a session knows it (issue 12): immutable and reference counted, so the
 * UI thread can hand the signed-in user to the writer thread with each save. The password
 * hash is never part of it. */
typedef struct _GestUser GestUser;

struct _GestUser
{
  /*< public, read-only >*/
  char     *uuid;
  char     *login;    /* lower case, [a-z0-9._-], 2 to 32 characters */
  char     *name;     /* as the activity log shows it */
  GestRole  role;
};

#define GEST_TYPE_USER (gest_user_get_type ())

GType     gest_user_get_type (void) G_GNUC_CONST;
GestUser *gest_user_new      (const char *uuid,
                              const char *login,
                              const char *name,
                              GestRole    role);
GestUser *gest_user_ref      (GestUser   *user);
void      gest_user_unref    (GestUser   *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestUser, gest_user_unref)

G_END_DECLS
