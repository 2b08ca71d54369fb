// SPDX-License-Identifier: Apache-2.0
#include "udpsocket.h"

#include <cerrno>
#include <cstring>

#ifdef _WIN32
using ssize_t = int;
#else
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <unistd.h>
#endif

namespace floorline::server {

namespace {
#ifdef _WIN32
void closeFd(intptr_t fd)
{
    closesocket(SOCKET(fd));
}
bool wouldBlock()
{
    return WSAGetLastError() == WSAEWOULDBLOCK;
}
#else
void closeFd(intptr_t fd)
{
    ::close(int(fd));
}
#ifndef __linux__
bool wouldBlock()
{
    return errno == EAGAIN || errno == EWOULDBLOCK;
}
#endif
#endif
} // namespace

UdpSocket::~UdpSocket()
{
    close();
}

void UdpSocket::close()
{
    if (m_fd >= 0)
        closeFd(m_fd);
    m_fd = -1;
}

bool UdpSocket::bind(const QHostAddress &address, quint16 port, QString *error)
{
    const bool v6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    m_fd = intptr_t(::socket(v6 ? AF_INET6 : AF_INET, SOCK_DGRAM, 0));
    if (m_fd < 0) {
        *error = QStringLiteral("socket(): %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    // Large buffers absorb bursts from many talkers while the relay thread is descheduled.
    const int buffer = 4 << 20;
    setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, reinterpret_cast<const char *>(&buffer), sizeof buffer);
    setsockopt(m_fd, SOL_SOCKET, SO_SNDBUF, reinterpret_cast<const char *>(&buffer), sizeof buffer);

    sockaddr_storage storage {};
    socklen_t length = 0;
    if (v6) {
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR raw = address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &raw, sizeof raw);
        length = sizeof(sockaddr_in6);
    } else {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    }
    if (::bind(m_fd, reinterpret_cast<sockaddr *>(&storage), length) != 0) {
        *error = QStringLiteral("bind(%1:%2): %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        close();
        return false;
    }
    getsockname(m_fd, reinterpret_cast<sockaddr *>(&storage), &length);
    m_port = ntohs(v6 ? reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port
                      : reinterpret_cast<sockaddr_in *>(&storage)->sin_port);
#ifdef _WIN32
    u_long nonBlocking = 1;
    ioctlsocket(SOCKET(m_fd), FIONBIO, &nonBlocking);
#else
    fcntl(int(m_fd), F_SETFL, fcntl(int(m_fd), F_GETFL) | O_NONBLOCK);
#endif
    return true;
}

bool UdpSocket::waitReadable(int timeoutMs)
{
#ifdef _WIN32
    WSAPOLLFD p {SOCKET(m_fd), POLLRDNORM, 0};
    return WSAPoll(&p, 1, timeoutMs) > 0;
#else
    pollfd p {int(m_fd), POLLIN, 0};
    return ::poll(&p, 1, timeoutMs) > 0;
#endif
}

#ifdef __linux__
int UdpSocket::receive(std::vector<Datagram> &batch)
{
    const std::size_t n = batch.size();
    m_recvHeaders.resize(n);
    m_recvIov.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_recvIov[i] = {batch[i].data, batch[i].size};
        std::memset(&m_recvHeaders[i], 0, sizeof(mmsghdr));
        m_recvHeaders[i].msg_hdr.msg_iov = &m_recvIov[i];
        m_recvHeaders[i].msg_hdr.msg_iovlen = 1;
        m_recvHeaders[i].msg_hdr.msg_name = &batch[i].peer;
        m_recvHeaders[i].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
    }
    const int got = recvmmsg(int(m_fd), m_recvHeaders.data(), unsigned(n), MSG_DONTWAIT, nullptr);
    for (int i = 0; i < got; ++i) {
        batch[i].size = m_recvHeaders[i].msg_len;
        batch[i].truncated = m_recvHeaders[i].msg_hdr.msg_flags & MSG_TRUNC;
        batch[i].peerLength = m_recvHeaders[i].msg_hdr.msg_namelen;
    }
    return got < 0 ? 0 : got;
}

int UdpSocket::send(const std::vector<Outgoing> &batch)
{
    const std::size_t n = batch.size();
    m_sendHeaders.resize(n);
    m_sendIov.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        m_sendIov[i] = {const_cast<uint8_t *>(batch[i].data), batch[i].size};
        std::memset(&m_sendHeaders[i], 0, sizeof(mmsghdr));
        m_sendHeaders[i].msg_hdr.msg_iov = &m_sendIov[i];
        m_sendHeaders[i].msg_hdr.msg_iovlen = 1;
        m_sendHeaders[i].msg_hdr.msg_name = const_cast<sockaddr_storage *>(batch[i].peer);
        m_sendHeaders[i].msg_hdr.msg_namelen = batch[i].peerLength;
    }
    std::size_t done = 0;
    while (done < n) {
        const int sent = sendmmsg(int(m_fd), m_sendHeaders.data() + done, unsigned(n - done), 0);
        if (sent <= 0) {
            // A failing destination (e.g. ICMP-refused peer) must not block the rest: skip it.
            ++done;
            continue;
        }
        done += std::size_t(sent);
    }
    return int(n);
}
#else
int UdpSocket::receive(std::vector<Datagram> &batch)
{
    int got = 0;
    for (Datagram &d : batch) {
        socklen_t length = sizeof(sockaddr_storage);
        const std::size_t capacity = d.size;
        const ssize_t r = recvfrom(m_fd, reinterpret_cast<char *>(d.data), int(capacity), 0,
                                   reinterpret_cast<sockaddr *>(&d.peer), &length);
        if (r < 0) {
            if (wouldBlock())
                break;
            continue;
        }
        d.size = std::size_t(r);
        d.truncated = false;
        d.peerLength = length;
        ++got;
    }
    return got;
}

int UdpSocket::send(const std::vector<Outgoing> &batch)
{
    int sent = 0;
    for (const Outgoing &o : batch) {
        if (sendto(m_fd, reinterpret_cast<const char *>(o.data), int(o.size), 0,
                   reinterpret_cast<const sockaddr *>(o.peer), o.peerLength)
            >= 0)
            ++sent;
    }
    return sent;
}
#endif

} // namespace floorline::server
