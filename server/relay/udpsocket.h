// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QHostAddress>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <vector>

#ifdef _WIN32
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <netinet/in.h>
#include <sys/socket.h>
#endif

namespace floorline::server {

/// One datagram in a batch: the buffer it lives in, its length and its peer address.
struct Datagram
{
    uint8_t *data = nullptr;
    std::size_t size = 0;
    bool truncated = false; ///< larger than the buffer; contents cut
    sockaddr_storage peer {};
    socklen_t peerLength = 0;
};

/// An outgoing datagram: points into a receive buffer and at a latched peer, no copies.
struct Outgoing
{
    const uint8_t *data = nullptr;
    std::size_t size = 0;
    const sockaddr_storage *peer = nullptr;
    socklen_t peerLength = 0;
};

/**
 * @brief Non-blocking UDP socket with batched I/O for the RTP relay.
 *
 * On Linux, recvmmsg/sendmmsg move a whole batch per system call (DESIGN.md §2); elsewhere the
 * same interface loops over recvfrom/sendto.
 */
class UdpSocket
{
public:
    UdpSocket() = default;
    ~UdpSocket();
    UdpSocket(const UdpSocket &) = delete;
    UdpSocket &operator=(const UdpSocket &) = delete;

    bool bind(const QHostAddress &address, quint16 port, QString *error);
    quint16 localPort() const { return m_port; }
    /// Waits up to timeoutMs for readability. False on timeout.
    bool waitReadable(int timeoutMs);
    /// Fills `batch` (each entry's data/size preset to its buffer); returns how many arrived.
    int receive(std::vector<Datagram> &batch);
    /// Sends all; returns how many the kernel accepted.
    int send(const std::vector<Outgoing> &batch);
    void close();

private:
    intptr_t m_fd = -1;
    quint16 m_port = 0;
#ifdef __linux__
    std::vector<struct mmsghdr> m_recvHeaders;
    std::vector<struct iovec> m_recvIov;
    std::vector<struct mmsghdr> m_sendHeaders;
    std::vector<struct iovec> m_sendIov;
#endif
};

} // namespace floorline::server
