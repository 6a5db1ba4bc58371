// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @title Signatures
/// @author EthCx
/// @notice Checks that an account signed an EIP-712 digest: with its own key (ECDSA), or, for an account that has
/// code (a smart wallet, or an EIP-7702 delegated account), through ERC-1271.
/// @dev The ECDSA check comes first, so an externally owned account pays for one `ecrecover` and never for the cold
/// EXTCODESIZE that OpenZeppelin's `SignatureChecker.isValidSignatureNowCalldata` starts with. ECDSA here accepts
/// only 65-byte signatures with a low `s` (EIP-2): a malleated high-`s` twin or a 64-byte ERC-2098 form is refused.
/// Replays are the caller's concern: every EthCx digest includes a nonce that the caller consumes and a deadline.
library Signatures {
    /// @notice Whether `signature` is `signer`'s signature of `digest`.
    /// @param signer The account that must have signed.
    /// @param digest The EIP-712 digest (domain separator and struct hash).
    /// @param signature A 65-byte ECDSA signature (r, s, v), or whatever the signer's ERC-1271 wallet accepts.
    /// @return valid True when the signature is valid now.
    function isValidCalldata(
        address signer,
        bytes32 digest,
        bytes calldata signature
    ) internal view returns (bool valid) {
        (address recovered, ECDSA.RecoverError recoverError, ) = ECDSA.tryRecoverCalldata(digest, signature);
        if (recoverError == ECDSA.RecoverError.NoError && recovered == signer) {
            return true;
        }
        return
            signer.code.length != 0 &&
            SignatureChecker.isValidERC1271SignatureNowCalldata(signer, digest, signature);
    }
}
