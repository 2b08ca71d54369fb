// SPDX-License-Identifier: Apache-2.0
#include "evdevreader.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/input.h>
#include <unistd.h>

namespace floorline::input {

EvdevReader::EvdevReader(QObject *parent)
    : QObject(parent)
{ }

EvdevReader::~EvdevReader()
{
    close();
}

bool EvdevReader::open(const QString &path, QString *error)
{
    close();
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    m_fd = fd;
    m_path = path;
    m_notifier = std::make_unique<QSocketNotifier>(fd, QSocketNotifier::Read);
    connect(m_notifier.get(), &QSocketNotifier::activated, this, &EvdevReader::onReadable);
    return true;
}

void EvdevReader::close()
{
    m_notifier.reset();
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void EvdevReader::onReadable()
{
    input_event events[64];
    for (;;) {
        const ssize_t n = ::read(m_fd, events, sizeof events);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        if (n <= 0) { // ENODEV: unplugged (0: the writer of a pipe left)
            close();
            Q_EMIT gone();
            return;
        }
        for (std::size_t i = 0; i < std::size_t(n) / sizeof(input_event); ++i) {
            const input_event &e = events[i];
            if (e.type == EV_KEY && (e.value == 0 || e.value == 1))
                Q_EMIT key(e.code, e.value == 1); // value 2 is the kernel's auto-repeat
        }
        if (std::size_t(n) < sizeof events)
            return;
    }
}

} // namespace floorline::input
