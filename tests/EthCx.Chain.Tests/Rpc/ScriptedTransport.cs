using System.Text;
using EthCx.Chain.Rpc;

namespace EthCx.Chain.Tests.Rpc;

/// <summary>A transport that records each request and answers with the text a test scripted.</summary>
internal sealed class ScriptedTransport(Func<string, string> answer) : IRpcTransport
{
    public ScriptedTransport(string fixedAnswer)
        : this(_ => fixedAnswer)
    {
    }

    public List<string> Requests { get; } = [];

    public List<string> Descriptions { get; } = [];

    public Task<byte[]> SendAsync(ReadOnlyMemory<byte> request, string description, CancellationToken cancellationToken = default)
    {
        string text = Encoding.UTF8.GetString(request.Span);
        Requests.Add(text);
        Descriptions.Add(description);
        return Task.FromResult(Encoding.UTF8.GetBytes(answer(text)));
    }
}
