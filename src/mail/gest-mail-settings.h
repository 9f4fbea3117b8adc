/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-store.h"

G_BEGIN_DECLS

/* T4: how Gestiona reaches its outgoing mail server. Everything but the password lives in the
 * store's settings (smtp.host, smtp.port, smtp.security, smtp.user, smtp.from); the password
 * lives in the user's keyring (Secret Service, schema io.github.gestiona.Gestiona.Smtp with
 * the attributes host and user), never in the database. */

/* Where Conauto's documents address is kept (T4). */
#define GEST_SETTING_DOCUMENTS_EMAIL "conauto.documents-email"

typedef enum
{
  GEST_SMTP_SECURITY_NONE,       /* smtp://, plain text: only for a server on the LAN */
  GEST_SMTP_SECURITY_STARTTLS,   /* smtp:// upgraded with STARTTLS, TLS required */
  GEST_SMTP_SECURITY_TLS,        /* smtps:// (implicit TLS) */
  GEST_N_SMTP_SECURITIES
} GestSmtpSecurity;

typedef struct
{
  char             *host;      /* "" when unset */
  guint             port;      /* 0 when unset: the security's default port */
  GestSmtpSecurity  security;
  char             *user;      /* "" for a server without authentication */
  char             *from;      /* sender address, "" when unset */
} GestMailSettings;

const char *gest_smtp_security_id          (GestSmtpSecurity   security);  /* none, starttls, tls */
gboolean    gest_smtp_security_from_id     (const char        *id,
                                            GestSmtpSecurity  *out);
const char *gest_smtp_security_label       (GestSmtpSecurity   security);  /* translated */
guint       gest_smtp_security_default_port (GestSmtpSecurity  security);  /* 25, 587, 465 */

/* Reads the settings; unset keys give "" and defaults (STARTTLS, default port). */
void        gest_mail_settings_load        (GestStore               *store,
                                            GestMailSettings        *out);
/* Validates (host without blanks, port 1-65535 or 0, sender address) and writes every key in
 * one transaction. GEST_ERROR_INVALID says which field is wrong. */
gboolean    gest_mail_settings_save        (GestStore               *store,
                                            const GestMailSettings  *settings,
                                            GError                 **error);
/* The same on the store's writer thread, for the UI thread: @settings is validated at once
 * (a GEST_ERROR_INVALID reaches the callback without a write) and copied. */
void        gest_mail_settings_save_async  (GestStore               *store,
                                            const GestMailSettings  *settings,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gboolean    gest_mail_settings_save_finish (GestStore               *store,
                                            GAsyncResult            *result,
                                            GError                 **error);
void        gest_mail_settings_clear       (GestMailSettings        *settings);
/* The port to connect to: settings->port or the security's default. */
guint       gest_mail_settings_get_port    (const GestMailSettings  *settings);
/* GEST_ERROR_INVALID naming what is missing (server, sender) and where to set it. */
gboolean    gest_mail_settings_check_ready (const GestMailSettings  *settings,
                                            GError                 **error);

/* A plausible single address: local@domain, no blanks, no angle brackets, no line breaks. */
gboolean    gest_mail_address_is_valid     (const char              *address);

/* The SMTP password for @host and @user from the keyring: NULL without error when none is
 * stored. Blocks on D-Bus: call it from a worker thread. When no keyring (Secret Service) can
 * be reached, GEST_ERROR_STORE with a translated message saying so.
 *
 * For tests only: when $GESTIONA_SMTP_PASSWORD is set, its value is returned instead and the
 * keyring is not asked. */
char       *gest_mail_password_lookup_sync (const char              *host,
                                            const char              *user,
                                            GCancellable            *cancellable,
                                            GError                 **error);
/* Stores (or with an empty @password, removes) the password, asynchronously. */
void        gest_mail_password_store       (const char              *host,
                                            const char              *user,
                                            const char              *password,
                                            GCancellable            *cancellable,
                                            GAsyncReadyCallback      callback,
                                            gpointer                 user_data);
gboolean    gest_mail_password_store_finish (GAsyncResult           *result,
                                             GError                **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestMailSettings, gest_mail_settings_clear)

G_END_DECLS
