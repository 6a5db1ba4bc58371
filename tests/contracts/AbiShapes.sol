// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Point} from "./ShapeTypes.sol";

/// @title AbiShapes
/// @notice Every ABI shape EthCx.Codegen maps, for round-trip tests of the generated bindings.
/// @dev The `echo...` functions return their arguments unchanged; `store` keeps a {Tree} that `stored` returns;
/// `fail` raises each custom error; `tag` emits events with indexed dynamic values and an anonymous event.
contract AbiShapes {
    /// @notice The size of a tree.
    enum Size {
        Empty,
        Small,
        Large
    }

    /// @notice Every unsigned integer width, uint8 to uint256.
    struct Uints {
        uint8 u8;
        uint16 u16;
        uint24 u24;
        uint32 u32;
        uint40 u40;
        uint48 u48;
        uint56 u56;
        uint64 u64;
        uint72 u72;
        uint80 u80;
        uint88 u88;
        uint96 u96;
        uint104 u104;
        uint112 u112;
        uint120 u120;
        uint128 u128;
        uint136 u136;
        uint144 u144;
        uint152 u152;
        uint160 u160;
        uint168 u168;
        uint176 u176;
        uint184 u184;
        uint192 u192;
        uint200 u200;
        uint208 u208;
        uint216 u216;
        uint224 u224;
        uint232 u232;
        uint240 u240;
        uint248 u248;
        uint256 u256;
    }

    /// @notice Every signed integer width, int8 to int256.
    struct Ints {
        int8 i8;
        int16 i16;
        int24 i24;
        int32 i32;
        int40 i40;
        int48 i48;
        int56 i56;
        int64 i64;
        int72 i72;
        int80 i80;
        int88 i88;
        int96 i96;
        int104 i104;
        int112 i112;
        int120 i120;
        int128 i128;
        int136 i136;
        int144 i144;
        int152 i152;
        int160 i160;
        int168 i168;
        int176 i176;
        int184 i184;
        int192 i192;
        int200 i200;
        int208 i208;
        int216 i216;
        int224 i224;
        int232 i232;
        int240 i240;
        int248 i248;
        int256 i256;
    }

    /// @notice A leaf: a number and a text.
    /// @param id The leaf's number.
    /// @param label The leaf's text.
    struct Leaf {
        uint64 id;
        string label;
    }

    /// @notice A branch: a nested struct, an array of structs, a fixed array and a shared struct.
    /// @param leaf The main leaf.
    /// @param leaves More leaves.
    /// @param hashes Two hashes.
    /// @param offset A signed 24-bit offset.
    /// @param at Where the branch grows.
    struct Branch {
        Leaf leaf;
        Leaf[] leaves;
        bytes32[2] hashes;
        int24 offset;
        Point at;
    }

    /// @notice The root: an array of nested structs, an address, an enum and bytes.
    /// @param branches The branches.
    /// @param owner The tree's owner.
    /// @param size The tree's size.
    /// @param extra Free-form bytes.
    struct Tree {
        Branch[] branches;
        address owner;
        Size size;
        bytes extra;
    }

    /// @notice A tree was stored.
    /// @param by The account that stored it.
    /// @param version The version number after storing.
    /// @param tree The tree.
    /// @param note The note given with the tree (empty for the one-argument overload).
    event TreeStored(address indexed by, uint256 indexed version, Tree tree, string note);

    /// @notice A tag was set: indexed dynamic values (their topics are hashes) beside their plain copies.
    /// @param tag The tag text (indexed: the topic is its hash).
    /// @param blob The blob (indexed: the topic is its hash).
    /// @param leaf The leaf (indexed: the topic is the hash of its encoding).
    /// @param tagText The tag text.
    /// @param blobData The blob.
    event Tagged(string indexed tag, bytes indexed blob, Leaf indexed leaf, string tagText, bytes blobData);

    /// @notice An anonymous event: no topic 0, four indexed fields.
    /// @param sender The caller.
    /// @param number A number.
    /// @param hash A hash.
    /// @param note A note (indexed: the topic is its hash).
    /// @param delta A signed value in the data.
    event Noted(address indexed sender, uint256 indexed number, bytes32 indexed hash, string indexed note, int16 delta)
        anonymous;

    /// @notice Counted with a number.
    /// @param count The count.
    event Counted(uint256 count);

    /// @notice Counted with a number and a label (an overloaded event).
    /// @param count The count.
    /// @param label The label.
    event Counted(uint256 count, string label);

    /// @notice Ether was deposited through {deposit}.
    /// @param from The depositor.
    /// @param amount The wei deposited.
    /// @param memo The depositor's memo.
    event Deposited(address indexed from, uint256 amount, string memo);

    /// @notice Ether arrived without calldata (the receive function).
    /// @param from The sender.
    /// @param amount The wei received.
    event Received(address indexed from, uint256 amount);

    /// @notice A call matched no function (the fallback function).
    /// @param from The caller.
    /// @param amount The wei sent.
    /// @param data The calldata.
    event FallbackCalled(address indexed from, uint256 amount, bytes data);

    /// @notice Nothing has been stored yet.
    error ShapeEmpty();

    /// @notice A number is too small.
    /// @param given The number given.
    /// @param minimum The smallest number allowed.
    error ShapeTooSmall(uint256 given, uint256 minimum);

    /// @notice A value is negative.
    /// @param value The value.
    /// @param code A negative code.
    error ShapeNegative(int64 value, int8 code);

    /// @notice A leaf is not acceptable.
    /// @param leaf The leaf.
    /// @param reason Why.
    error ShapeBadLeaf(Leaf leaf, string reason);

    /// @notice Arrays are not acceptable.
    /// @param fixedValues Three numbers.
    /// @param items Some byte strings.
    /// @param points Some points.
    error ShapeBadArrays(uint16[3] fixedValues, bytes[] items, Point[] points);

    /// @notice The name given at deployment.
    string public name;

    /// @notice The leaf given at deployment.
    Leaf public genesis;

    /// @notice How many trees have been stored.
    uint256 public version;

    /// @notice The wei each account deposited through {deposit}.
    mapping(address account => uint256) public deposits;

    /// @notice How many times {fail} was called in a transaction that was mined (always 0: every call reverts).
    uint256 public failures;

    Tree private _tree;

    /// @notice Deploys the contract with a name and a first leaf; accepts ether.
    /// @param name_ The name.
    /// @param genesis_ The first leaf.
    constructor(string memory name_, Leaf memory genesis_) payable {
        name = name_;
        genesis = genesis_;
    }

    /// @notice Accepts plain ether transfers.
    receive() external payable {
        emit Received(msg.sender, msg.value);
    }

    /// @notice Accepts any other call and returns its calldata.
    /// @param data The calldata.
    /// @return The calldata.
    fallback(bytes calldata data) external payable returns (bytes memory) {
        emit FallbackCalled(msg.sender, msg.value, data);
        return data;
    }

    /// @notice Stores a tree.
    /// @param tree The tree.
    /// @return newVersion The version number after storing.
    function store(Tree calldata tree) external returns (uint256 newVersion) {
        newVersion = _store(tree, "");
    }

    /// @notice Stores a tree with a note (an overloaded function).
    /// @param tree The tree.
    /// @param note A note for the event.
    /// @return newVersion The version number after storing.
    function store(Tree calldata tree, string calldata note) external returns (uint256 newVersion) {
        newVersion = _store(tree, note);
    }

    /// @notice Emits {Tagged}, {Noted} and both {Counted} overloads.
    /// @param tagText The tag.
    /// @param blob The blob.
    /// @param leaf The leaf.
    /// @param delta A signed value for {Noted}.
    function tag(string calldata tagText, bytes calldata blob, Leaf calldata leaf, int16 delta) external {
        ++version;
        emit Tagged(tagText, blob, leaf, tagText, blob);
        emit Noted(msg.sender, version, keccak256(blob), tagText, delta);
        emit Counted(version);
        emit Counted(version, tagText);
    }

    /// @notice Deposits ether with a memo.
    /// @param memo A memo.
    /// @return balance The caller's total deposits.
    function deposit(string calldata memo) external payable returns (uint256 balance) {
        balance = deposits[msg.sender] + msg.value;
        deposits[msg.sender] = balance;
        emit Deposited(msg.sender, msg.value, memo);
    }

    /// @notice Reverts with the error selected by `which`.
    /// @dev 0 {ShapeEmpty}, 1 {ShapeTooSmall}, 2 {ShapeNegative}, 3 {ShapeBadLeaf}, 4 {ShapeBadArrays},
    /// 5 `Error(string)`, 6 a panic (assert); anything else succeeds.
    /// @param which Which error.
    function fail(uint8 which) external {
        ++failures;
        if (which == 0) revert ShapeEmpty();
        if (which == 1) revert ShapeTooSmall(which, 10);
        if (which == 2) revert ShapeNegative(-int64(uint64(which)) * 1e15, type(int8).min);
        if (which == 3) revert ShapeBadLeaf(Leaf(7, unicode"seven \u2713"), "bad leaf");
        if (which == 4) {
            bytes[] memory items = new bytes[](2);
            items[0] = hex"01ff";
            Point[] memory points = new Point[](1);
            points[0] = Point(-1, 2);
            revert ShapeBadArrays([uint16(1), 2, type(uint16).max], items, points);
        }
        require(which != 5, "plain message");
        assert(which != 6);
    }

    /// @notice The tree stored last.
    /// @dev Reverts with {ShapeEmpty} before the first {store}. The tree is kept in storage, copied field by field
    /// (the legacy code generator cannot copy nested struct arrays from calldata to storage in one assignment).
    /// @return tree The tree.
    function stored() external view returns (Tree memory tree) {
        if (version == 0) revert ShapeEmpty();
        return _tree;
    }

    /// @notice Returns every unsigned integer width unchanged.
    /// @param values The values.
    /// @return The values.
    function echoUints(Uints calldata values) external pure returns (Uints memory) {
        return values;
    }

    /// @notice Returns every signed integer width unchanged.
    /// @param values The values.
    /// @return The values.
    function echoInts(Ints calldata values) external pure returns (Ints memory) {
        return values;
    }

    /// @notice Returns fixed-size values unchanged, as unnamed outputs.
    function echoScalars(address account, bool flag, bytes1 b1, bytes20 b20, bytes32 b32)
        external
        pure
        returns (address, bool, bytes1, bytes20, bytes32)
    {
        return (account, flag, b1, b20, b32);
    }

    /// @notice Returns bytes and a string unchanged.
    /// @param data Bytes.
    /// @param text A string.
    /// @return dataOut The bytes.
    /// @return textOut The string.
    function echoDynamic(bytes calldata data, string calldata text)
        external
        pure
        returns (bytes memory dataOut, string memory textOut)
    {
        return (data, text);
    }

    /// @notice Returns fixed-size arrays unchanged.
    /// @param numbers Three numbers.
    /// @param texts Two strings.
    /// @param leaves Two leaves.
    /// @param grid Three pairs of small signed numbers.
    function echoFixedArrays(
        uint16[3] calldata numbers,
        string[2] calldata texts,
        Leaf[2] calldata leaves,
        int8[2][3] calldata grid
    ) external pure returns (uint16[3] memory, string[2] memory, Leaf[2] memory, int8[2][3] memory) {
        return (numbers, texts, leaves, grid);
    }

    /// @notice Returns dynamic arrays unchanged.
    /// @param numbers Signed numbers.
    /// @param blobs Byte strings.
    /// @param nested Arrays of small numbers.
    function echoDynamicArrays(int256[] calldata numbers, bytes[] calldata blobs, uint8[][] calldata nested)
        external
        pure
        returns (int256[] memory, bytes[] memory, uint8[][] memory)
    {
        return (numbers, blobs, nested);
    }

    /// @notice Returns arrays of addresses, enums and bools unchanged.
    /// @param accounts Addresses.
    /// @param sizes Enum values.
    /// @param flags Booleans.
    function echoLists(address[] calldata accounts, Size[] calldata sizes, bool[] calldata flags)
        external
        pure
        returns (address[] memory, Size[] memory, bool[] memory)
    {
        return (accounts, sizes, flags);
    }

    /// @notice Returns a tree unchanged: nested structs, arrays of structs, fixed arrays, an enum.
    /// @param tree The tree.
    /// @return The tree.
    function echoTree(Tree calldata tree) external pure returns (Tree memory) {
        return tree;
    }

    /// @notice Describes a number (overload 1 of 3).
    /// @param object A number (named after a C# keyword).
    /// @return description The parameter types: "uint256".
    function describe(uint256 object) external pure returns (string memory description) {
        return object == type(uint256).max ? "uint256 max" : "uint256";
    }

    /// @notice Describes a text (overload 2 of 3).
    /// @param text A text.
    /// @return description The parameter types: "string".
    function describe(string calldata text) external pure returns (string memory description) {
        return bytes(text).length == 0 ? "empty string" : "string";
    }

    /// @notice Describes two numbers (overload 3 of 3).
    /// @param a A number.
    /// @param b Another number.
    /// @return description The parameter types: "uint256,uint256".
    function describe(uint256 a, uint256 b) external pure returns (string memory description) {
        return a < b ? "uint256<uint256" : "uint256,uint256";
    }

    function _store(Tree calldata tree, string memory note) private returns (uint256 newVersion) {
        delete _tree;
        _tree.owner = tree.owner;
        _tree.size = tree.size;
        _tree.extra = tree.extra;
        for (uint256 i = 0; i < tree.branches.length; ++i) {
            Branch calldata source = tree.branches[i];
            Branch storage target = _tree.branches.push();
            target.leaf = source.leaf;
            for (uint256 j = 0; j < source.leaves.length; ++j) {
                target.leaves.push(source.leaves[j]);
            }
            target.hashes = source.hashes;
            target.offset = source.offset;
            target.at = source.at;
        }
        newVersion = ++version;
        emit TreeStored(msg.sender, newVersion, tree, note);
    }
}
