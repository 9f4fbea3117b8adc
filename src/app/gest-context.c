/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-context"

#include "config.h"

#include "gest-context.h"

struct _GestContext
{
  GObject          parent_instance;

  GestStore       *store;
  GSettings       *settings;
  GestRenderQueue *render_queue;
  GestSyncService *sync_service;   /* nullable */
  GestMailService *mail_service;   /* nullable */
  char            *user_name;
  GestRole         user_role;
  GestUser        *user;           /* nullable: the signed-in user */
};

G_DEFINE_FINAL_TYPE (GestContext, gest_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SYNC_SERVICE,
  PROP_MAIL_SERVICE,
  PROP_USER_NAME,
  PROP_USER_ROLE,
  PROP_SIGNED_IN_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gest_context_constructed (GObject *object)
{
  GestContext *self = GEST_CONTEXT (object);

  G_OBJECT_CLASS (gest_context_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->settings = g_settings_new (APP_ID);
  self->render_queue = g_object_ref (gest_render_queue_get_default ());
  self->user_name = gest_store_get_user_name (self->store);
  self->user_role = gest_store_get_user_role (self->store);
}

static void
gest_context_dispose (GObject *object)
{
  GestContext *self = GEST_CONTEXT (object);

  g_clear_object (&self->sync_service);
  g_clear_object (&self->mail_service);
  g_clear_object (&self->render_queue);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gest_context_parent_class)->dispose (object);
}

static void
gest_context_finalize (GObject *object)
{
  GestContext *self = GEST_CONTEXT (object);

  g_free (self->user_name);
  g_clear_pointer (&self->user, gest_user_unref);

  G_OBJECT_CLASS (gest_context_parent_class)->finalize (object);
}

static void
gest_context_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  GestContext *self = GEST_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SYNC_SERVICE:
      g_value_set_object (value, self->sync_service);
      break;
    case PROP_MAIL_SERVICE:
      g_value_set_object (value, self->mail_service);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_USER_ROLE:
      g_value_set_int (value, self->user_role);
      break;
    case PROP_SIGNED_IN_USER:
      g_value_set_boxed (value, self->user);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_context_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  GestContext *self = GEST_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SYNC_SERVICE:
      gest_context_set_sync_service (self, g_value_get_object (value));
      break;
    case PROP_MAIL_SERVICE:
      gest_context_set_mail_service (self, g_value_get_object (value));
      break;
    case PROP_USER_NAME:
    case PROP_USER_ROLE:
    case PROP_SIGNED_IN_USER:
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_context_class_init (GestContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gest_context_constructed;
  object_class->dispose = gest_context_dispose;
  object_class->finalize = gest_context_finalize;
  object_class->get_property = gest_context_get_property;
  object_class->set_property = gest_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, GEST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SYNC_SERVICE] =
    g_param_spec_object ("sync-service", NULL, NULL, GEST_TYPE_SYNC_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAIL_SERVICE] =
    g_param_spec_object ("mail-service", NULL, NULL, GEST_TYPE_MAIL_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_ROLE] =
    g_param_spec_int ("user-role", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIGNED_IN_USER] =
    g_param_spec_boxed ("signed-in-user", NULL, NULL, GEST_TYPE_USER,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_context_init (GestContext *self)
{
}

GestContext *
gest_context_new (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return g_object_new (GEST_TYPE_CONTEXT, "store", store, NULL);
}

GestStore *
gest_context_get_store (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), NULL);

  return self->store;
}

GSettings *
gest_context_get_settings (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), NULL);

  return self->settings;
}

GestRenderQueue *
gest_context_get_render_queue (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), NULL);

  return self->render_queue;
}

GestSyncService *
gest_context_get_sync_service (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), NULL);

  return self->sync_service;
}

void
gest_context_set_sync_service (GestContext     *self,
                               GestSyncService *service)
{
  g_return_if_fail (GEST_IS_CONTEXT (self));

  if (g_set_object (&self->sync_service, service))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_SERVICE]);
}

GestMailService *
gest_context_get_mail_service (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), NULL);

  return self->mail_service;
}

void
gest_context_set_mail_service (GestContext     *self,
                               GestMailService *service)
{
  g_return_if_fail (GEST_IS_CONTEXT (self));

  if (g_set_object (&self->mail_service, service))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAIL_SERVICE]);
}

const char *
gest_context_get_user_name (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), NULL);

  return self->user_name;
}

GestRole
gest_context_get_user_role (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), 0);

  return self->user_role;
}

void
gest_context_set_user (GestContext *self,
                       const char  *name,
                       GestRole     role)
{
  g_return_if_fail (GEST_IS_CONTEXT (self));
  g_return_if_fail (name != NULL);

  if (g_strcmp0 (self->user_name, name) != 0)
    {
      g_free (self->user_name);
      self->user_name = g_strdup (name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_NAME]);
    }
  if (self->user_role != role)
    {
      self->user_role = role;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_ROLE]);
    }
}

GestUser *
gest_context_get_signed_in_user (GestContext *self)
{
  g_return_val_if_fail (GEST_IS_CONTEXT (self), NULL);

  return self->user;
}

void
gest_context_set_signed_in_user (GestContext *self,
                                 GestUser    *user)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GEST_IS_CONTEXT (self));

  if (self->user == user)
    return;
  g_clear_pointer (&self->user, gest_user_unref);
  if (user != NULL)
    self->user = gest_user_ref (user);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIGNED_IN_USER]);
  /* Signed out: the store's answer (the settings user of a database being set up). */
  if (user != NULL)
    gest_context_set_user (self, user->name, user->role);
  else
    {
      name = gest_store_get_user_name (self->store);
      gest_context_set_user (self, name, gest_store_get_user_role (self->store));
    }
}
