// SPDX-License-Identifier: Apache-2.0
#include "rawinputbuttons.h"

#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

// windows.h before the HID headers, which use its types.
// clang-format off
#include <windows.h>
#include <hidsdi.h>
#include <hidpi.h>
// clang-format on

namespace floorline::input {

Q_LOGGING_CATEGORY(lcRawInput, "floorline.input.rawinput", QtInfoMsg)

namespace {
constexpr USAGE kPageDesktop = 0x01;
constexpr USAGE kPageTelephony = 0x0B;
constexpr USAGE kPageConsumer = 0x0C;
constexpr USAGE kPageButton = 0x09;

/// The top-level collections read: what pedals and headset buttons present themselves as.
struct Collection
{
    USAGE page, usage;
};
constexpr Collection kCollections[] = {
    {kPageDesktop, 0x04}, // joystick: most USB foot pedals
    {kPageDesktop, 0x05}, // game pad
    {kPageDesktop, 0x06}, // keyboard: pedals that type a key (F13…)
    {kPageConsumer, 0x01}, // consumer control: headset buttons
    {kPageTelephony, 0x05}, // telephony headset: hook switch, PTT
};

bool isRead(USAGE page, USAGE usage)
{
    for (const Collection &c : kCollections) {
        if (c.page == page && c.usage == usage)
            return true;
    }
    return false;
}

LRESULT CALLBACK windowProc(HWND window, UINT message, WPARAM wParam, LPARAM lParam)
{
    auto *self = reinterpret_cast<RawInputButtons *>(GetWindowLongPtrW(window, GWLP_USERDATA));
    if (self && (message == WM_INPUT || message == WM_INPUT_DEVICE_CHANGE)) {
        self->onMessage(message, quintptr(wParam), qintptr(lParam));
        if (message == WM_INPUT_DEVICE_CHANGE)
            return 0;
    }
    // WM_INPUT goes on to DefWindowProc too: it frees the input's buffer.
    return DefWindowProcW(window, message, wParam, lParam);
}

QString deviceString(HANDLE device, UINT what)
{
    UINT chars = 0;
    GetRawInputDeviceInfoW(device, what, nullptr, &chars);
    if (chars == 0)
        return {};
    std::vector<wchar_t> name(chars + 1, 0);
    if (GetRawInputDeviceInfoW(device, what, name.data(), &chars) == UINT(-1))
        return {};
    return QString::fromWCharArray(name.data());
}

/// What the device calls itself ("PCsensor FootSwitch"), from its HID product string.
QString productName(const QString &path)
{
    HANDLE file
        = CreateFileW(reinterpret_cast<LPCWSTR>(path.utf16()), 0,
                      FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return {};
    wchar_t name[127] = {};
    const bool ok = HidD_GetProductString(file, name, sizeof(name));
    CloseHandle(file);
    return ok ? QString::fromWCharArray(name).trimmed() : QString();
}
} // namespace

RawInputButtons::RawInputButtons(QObject *parent)
    : Buttons(parent)
{
    const HINSTANCE instance = GetModuleHandleW(nullptr);
    WNDCLASSEXW type {};
    type.cbSize = sizeof(type);
    type.lpfnWndProc = windowProc;
    type.hInstance = instance;
    type.lpszClassName = L"FloorlineRawInput";
    RegisterClassExW(&type); // a second instance finds it registered: fine
    HWND window = CreateWindowExW(0, type.lpszClassName, L"", 0, 0, 0, 0, 0, HWND_MESSAGE, nullptr,
                                  instance, nullptr);
    m_window = window;
    if (!window) {
        m_status = tr("Pedals cannot be read (no input window: error %1)").arg(GetLastError());
        return;
    }
    SetWindowLongPtrW(window, GWLP_USERDATA, reinterpret_cast<LONG_PTR>(this));
    std::vector<RAWINPUTDEVICE> wanted;
    for (const Collection &c : kCollections)
        wanted.push_back({c.page, c.usage, RIDEV_INPUTSINK | RIDEV_DEVNOTIFY, window});
    if (!RegisterRawInputDevices(wanted.data(), UINT(wanted.size()), sizeof(RAWINPUTDEVICE))) {
        m_status = tr("Pedals cannot be read (Raw Input refused: error %1)").arg(GetLastError());
        return;
    }
    rescan();
}

RawInputButtons::~RawInputButtons()
{
    if (!m_window)
        return;
    std::vector<RAWINPUTDEVICE> gone;
    for (const Collection &c : kCollections)
        gone.push_back({c.page, c.usage, RIDEV_REMOVE, nullptr});
    RegisterRawInputDevices(gone.data(), UINT(gone.size()), sizeof(RAWINPUTDEVICE));
    DestroyWindow(static_cast<HWND>(m_window));
}

QList<ButtonDevice> RawInputButtons::devices() const
{
    QList<ButtonDevice> list;
    for (const Device &d : m_devices) {
        if (!list.contains(d.device))
            list << d.device;
    }
    std::sort(list.begin(), list.end(),
              [](const ButtonDevice &a, const ButtonDevice &b) { return a.key < b.key; });
    return list;
}

void RawInputButtons::watch(const QString &key, int button)
{
    if (m_press.watch(key, button))
        updateStatus();
}

void RawInputButtons::setLearning(bool on)
{
    m_press.setLearning(on);
}

bool RawInputButtons::connected() const
{
    return std::any_of(m_devices.cbegin(), m_devices.cend(),
                       [&](const Device &d) { return d.device.key == m_press.watchedKey(); });
}

QString RawInputButtons::buttonName(int button) const
{
    if (button == 0)
        return tr("any button");
    if (button & kKeyboard) {
        const int scan = button & 0xff;
        const bool extended = button & 0x100;
        wchar_t name[64] = {};
        const LONG lParam = LONG(scan << 16) | (extended ? LONG(1 << 24) : 0);
        if (GetKeyNameTextW(lParam, name, 64) > 0)
            return QString::fromWCharArray(name);
        return tr("key %1").arg(scan);
    }
    if (button >= 0x100 && button < 0x180)
        return tr("button %1").arg(button - 0x100 + 1);
    const int page = button >> 16, usage = button & 0xffff;
    if (page == kPageTelephony && usage == 0x20)
        return tr("hook switch");
    if (page == kPageTelephony && usage == 0x2f)
        return tr("phone mute");
    return QStringLiteral("HID %1:%2")
        .arg(page, 2, 16, QLatin1Char('0'))
        .arg(usage, 2, 16, QLatin1Char('0'));
}

void RawInputButtons::onMessage(unsigned message, quintptr wParam, qintptr lParam)
{
    if (message == WM_INPUT) {
        onInput(lParam);
        return;
    }
    // WM_INPUT_DEVICE_CHANGE
    if (wParam == GIDC_REMOVAL) {
        const QString key = m_devices.take(quintptr(lParam)).device.key;
        qCInfo(lcRawInput) << "gone:" << key;
        if (!key.isEmpty() && key == m_press.watchedKey())
            m_press.onWatchedGone(); // mid-press: the talk ends
    }
    rescan();
}

void RawInputButtons::onInput(qintptr rawInput)
{
    const auto handle = reinterpret_cast<HRAWINPUT>(rawInput);
    UINT size = 0;
    GetRawInputData(handle, RID_INPUT, nullptr, &size, sizeof(RAWINPUTHEADER));
    std::vector<BYTE> buffer(size);
    if (size == 0
        || GetRawInputData(handle, RID_INPUT, buffer.data(), &size, sizeof(RAWINPUTHEADER)) != size)
        return;
    const auto *raw = reinterpret_cast<const RAWINPUT *>(buffer.data());
    auto it = m_devices.find(quintptr(raw->header.hDevice));
    if (it == m_devices.end())
        return;
    if (!m_press.wants(it->device.key))
        return;
    // What changed, gathered first: the press may emit, and a slot may rescan the devices.
    QList<std::pair<int, bool>> changes;
    if (raw->header.dwType == RIM_TYPEKEYBOARD) {
        const RAWKEYBOARD &k = raw->data.keyboard;
        if (k.MakeCode == 0 || k.MakeCode == KEYBOARD_OVERRUN_MAKE_CODE)
            return;
        const int code = kKeyboard | ((k.Flags & RI_KEY_E0) ? 0x100 : 0) | (k.MakeCode & 0xff);
        const bool down = !(k.Flags & RI_KEY_BREAK);
        if (down != it->held.contains(code))
            changes.append({code, down});
    } else if (raw->header.dwType == RIM_TYPEHID && !it->preparsed.isEmpty()) {
        const RAWHID &hid = raw->data.hid;
        auto *layout = reinterpret_cast<PHIDP_PREPARSED_DATA>(it->preparsed.data());
        for (DWORD i = 0; i < hid.dwCount; ++i) {
            auto *report
                = reinterpret_cast<PCHAR>(const_cast<BYTE *>(hid.bRawData)) + i * hid.dwSizeHid;
            QSet<int> now;
            for (const USAGE page : {kPageButton, kPageTelephony, kPageConsumer}) {
                ULONG count = HidP_MaxUsageListLength(HidP_Input, page, layout);
                if (count == 0)
                    continue;
                std::vector<USAGE> usages(count);
                if (HidP_GetUsages(HidP_Input, page, 0, usages.data(), &count, layout, report,
                                   hid.dwSizeHid)
                    != HIDP_STATUS_SUCCESS)
                    continue;
                for (ULONG u = 0; u < count; ++u) {
                    if (page == kPageButton && usages[u] >= 1 && usages[u] <= 0x80)
                        now.insert(0x100 + usages[u] - 1);
                    else if (page != kPageButton)
                        now.insert(int(page) << 16 | usages[u]);
                }
            }
            // Releases first: a report that moves from one button to another ends, then starts.
            for (const int code : std::as_const(it->held)) {
                if (!now.contains(code))
                    changes.append({code, false});
            }
            for (const int code : std::as_const(now)) {
                if (!it->held.contains(code))
                    changes.append({code, true});
            }
            it->held = now;
        }
    }
    if (raw->header.dwType == RIM_TYPEKEYBOARD) {
        for (const auto &[code, down] : changes)
            down ? void(it->held.insert(code)) : void(it->held.remove(code));
    }
    const QString key = it->device.key;
    const bool keyboard = it->device.keyboard;
    for (const auto &[code, down] : changes) {
        if (m_press.onButton(key, keyboard, code, down))
            updateStatus();
    }
}

void RawInputButtons::rescan()
{
    const QList<ButtonDevice> before = devices();
    UINT count = 0;
    if (GetRawInputDeviceList(nullptr, &count, sizeof(RAWINPUTDEVICELIST)) == UINT(-1))
        return;
    std::vector<RAWINPUTDEVICELIST> list(count);
    if (GetRawInputDeviceList(list.data(), &count, sizeof(RAWINPUTDEVICELIST)) == UINT(-1))
        return;
    QHash<quintptr, Device> found;
    static const QRegularExpression ids(
        QStringLiteral("VID_([0-9A-Fa-f]{4}).*PID_([0-9A-Fa-f]{4})"));
    for (UINT i = 0; i < count; ++i) {
        const HANDLE handle = list[i].hDevice;
        if (list[i].dwType == RIM_TYPEMOUSE)
            continue;
        RID_DEVICE_INFO info {};
        info.cbSize = sizeof(info);
        UINT size = sizeof(info);
        if (GetRawInputDeviceInfoW(handle, RIDI_DEVICEINFO, &info, &size) == UINT(-1))
            continue;
        Device d = m_devices.value(quintptr(handle));
        const QString path = deviceString(handle, RIDI_DEVICENAME);
        QString vendor, product;
        if (info.dwType == RIM_TYPEHID) {
            if (!isRead(info.hid.usUsagePage, info.hid.usUsage))
                continue;
            vendor = QStringLiteral("%1").arg(info.hid.dwVendorId, 4, 16, QLatin1Char('0'));
            product = QStringLiteral("%1").arg(info.hid.dwProductId, 4, 16, QLatin1Char('0'));
            if (d.preparsed.isEmpty()) {
                UINT bytes = 0;
                GetRawInputDeviceInfoW(handle, RIDI_PREPARSEDDATA, nullptr, &bytes);
                d.preparsed.resize(bytes);
                if (bytes == 0
                    || GetRawInputDeviceInfoW(handle, RIDI_PREPARSEDDATA, d.preparsed.data(),
                                              &bytes)
                        == UINT(-1))
                    continue;
            }
        } else {
            const QRegularExpressionMatch m = ids.match(path);
            vendor = m.hasMatch() ? m.captured(1).toLower() : QStringLiteral("0000");
            product = m.hasMatch() ? m.captured(2).toLower() : QStringLiteral("0000");
        }
        d.device.keyboard = info.dwType == RIM_TYPEKEYBOARD;
        d.device.name = productName(path);
        if (d.device.name.isEmpty())
            d.device.name = d.device.keyboard ? tr("Keyboard") : tr("Input device");
        d.device.key = QStringLiteral("%1 [%2:%3]").arg(d.device.name, vendor, product);
        found.insert(quintptr(handle), d);
    }
    m_devices = found;
    updateStatus();
    if (devices() != before)
        Q_EMIT devicesChanged();
}

void RawInputButtons::updateStatus()
{
    if (!m_window)
        return; // the constructor said why
    const QString &watched = m_press.watchedKey();
    const bool keyboard = std::any_of(m_devices.cbegin(), m_devices.cend(), [&](const Device &d) {
        return d.device.key == watched && d.device.keyboard;
    });
    QString status;
    if (watched.isEmpty())
        status = tr("No pedal chosen");
    else if (!connected())
        status = tr("Not plugged in: %1").arg(watched);
    else if (m_press.button() == 0 && keyboard)
        status = tr("%1 is a keyboard: choose the key that talks with \"Press to choose…\"")
                     .arg(watched);
    else
        status = tr("Ready: %1, %2").arg(watched, buttonName(m_press.button()));
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged();
}

} // namespace floorline::input
