// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QObject>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace floorline::console {

/**
 * @brief Which server certificates this console trusts beyond the system's authorities, and
 * the question it puts to the dispatcher when a server presents another one.
 *
 * Trust on first use, as SSH does: the first certificate a server shows is offered with its
 * fingerprint (to compare with `floorline-server --fingerprint`); once accepted it is pinned
 * per host and port, and a different one later is a warning, never a silent switch. A pairing
 * code or the command line may pin a certificate without asking; such a given fingerprint is
 * the operator's word for this run: it names the server whatever name it is reached by (the
 * same server typed as `localhost` is not a first contact), another certificate is refused and
 * the dispatcher cannot overrule it. It is not kept: a mistyped `--fingerprint` must not
 * become a pin that later runs warn about.
 * Thread rule: GUI thread.
 */
class ServerTrust : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Part of the ServerConnection")
    /// A certificate waits for the dispatcher's decision.
    Q_PROPERTY(bool asking READ asking NOTIFY questionChanged)
    /// It is not the one pinned for this server before: it changed.
    Q_PROPERTY(bool changed READ changed NOTIFY questionChanged)
    /// The fingerprint it does not match was given by the operator (`--fingerprint`): the
    /// dispatcher is told so and cannot trust the certificate from here.
    Q_PROPERTY(bool given READ given NOTIFY questionChanged)
    Q_PROPERTY(QString server READ server NOTIFY questionChanged)
    /// SHA-256 of the presented certificate, as pairs "AB:CD:…"; the pinned one if changed.
    Q_PROPERTY(QString presented READ presented NOTIFY questionChanged)
    Q_PROPERTY(QString previous READ previous NOTIFY questionChanged)
    /// Why the system does not vouch for it (self-signed, name mismatch, …).
    Q_PROPERTY(QString reason READ reason NOTIFY questionChanged)
public:
    explicit ServerTrust(QObject *parent = nullptr);

    /// The pins kept between runs ("host:port" → 64 hex digits); see pinsChanged.
    void setPins(const QVariantMap &pins) { m_pins = pins; }
    QVariantMap pins() const { return m_pins; }
    /// The certificate trusted for `server`; empty if none is pinned.
    QByteArray pinFor(const QUrl &server) const;
    /// Trusts `sha256` for `server`; `remember` false keeps it for this run only (the demo's
    /// own server, whose port changes every run).
    void pin(const QUrl &server, const QByteArray &sha256, bool remember = true);
    /// Trusts `sha256` on the operator's word (`--fingerprint`) for this run: for `server`
    /// before any pin kept for it, and for every server with no pin of its own; a certificate
    /// that does not match it is refused (trust() does nothing while that is asked).
    void require(const QUrl &server, const QByteArray &sha256);
    /// Trusts nothing for `server` any more: the next connection asks again.
    void forget(const QUrl &server);

    /// A server presented a certificate the console does not trust: ask the dispatcher.
    void ask(const QUrl &server, const QByteArray &presented, const QByteArray &pinned,
             const QString &reason);
    bool asking() const { return !m_presented.isEmpty(); }
    bool changed() const { return !m_previous.isEmpty(); }
    bool given() const { return m_given; }
    QString server() const;
    QString presented() const;
    QString previous() const;
    QString reason() const { return m_reason; }

    /// The dispatcher trusts the presented certificate: it is pinned, and `trusted` says so.
    Q_INVOKABLE void trust();
    /// The dispatcher does not: nothing is pinned and the question goes away.
    Q_INVOKABLE void dismiss();

Q_SIGNALS:
    void questionChanged();
    /// The kept pins changed: worth saving.
    void pinsChanged(const QVariantMap &pins);
    /// `server`'s presented certificate is trusted now: connect again.
    void trusted(const QUrl &server);

private:
    static QString keyOf(const QUrl &server);

    QVariantMap m_pins;
    QHash<QString, QByteArray> m_runPins; ///< pinned for this run only
    QString m_givenFor; ///< "host:port" of the server the operator's fingerprint was given for
    QByteArray m_givenSha; ///< the operator's fingerprint; empty: none given
    bool m_given = false; ///< the question is about the operator's fingerprint
    QUrl m_server;
    QByteArray m_presented;
    QByteArray m_previous;
    QString m_reason;
};

} // namespace floorline::console
