using QRCoder;

namespace Dashboard.Web.Components.Account;

/// <summary>Renders the otpauth:// URI as an inline SVG QR code, so no script or external service is needed.</summary>
internal static class AuthenticatorQrCode
{
    public static string ToSvg(string otpauthUri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(otpauthUri, QRCodeGenerator.ECCLevel.Q);
        var svg = new SvgQRCode(data);
        return svg.GetGraphic(new System.Drawing.Size(200, 200), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
